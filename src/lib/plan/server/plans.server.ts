import type postgres from 'postgres';
import { formatDocName } from '../../collab/doc-name';

/** Rows of `plans` (migrations/0003_collab.sql); a plan's content is the Yjs document `plan:<id>`. */
export interface Plan {
	id: string;
	rccId: string;
	title: string;
	period: string | null;
	createdAt: string;
	createdByName: string | null;
	latestVersion: number | null;
}

type Row = {
	id: string;
	rcc_id: string;
	title: string;
	period: string | null;
	created_at: Date;
	created_by_name: string | null;
	latest_version: number | null;
};

const toPlan = (row: Row): Plan => ({
	id: row.id,
	rccId: row.rcc_id,
	title: row.title,
	period: row.period,
	createdAt: row.created_at.toISOString(),
	createdByName: row.created_by_name,
	latestVersion: row.latest_version
});

function select(sql: postgres.Sql) {
	return sql`select p.id, p.rcc_id, p.title, p.period, p.created_at, u.name as created_by_name,
			(select max(version) from published_versions v where v.plan_id = p.id) as latest_version
		from plans p left join users u on u.id = p.created_by`;
}

/** Newest first. */
export async function ofRcc(sql: postgres.Sql, rccId: string): Promise<Plan[]> {
	const rows = await sql<Row[]>`${select(sql)} where p.rcc_id = ${rccId} order by p.created_at desc, p.title`;
	return rows.map(toPlan);
}

/** The plan, if it exists and belongs to this RCC (a plan id under another RCC's path is not found). */
export async function find(sql: postgres.Sql, rccId: string, planId: string): Promise<Plan | null> {
	if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(planId)) return null;
	const [row] = await sql<Row[]>`${select(sql)} where p.id = ${planId} and p.rcc_id = ${rccId}`;
	return row ? toPlan(row) : null;
}

/**
 * Creates a plan and stores its first state (the template) as the document's first update, in one
 * transaction: the collaboration server loads it like any other update.
 */
export async function create(
	sql: postgres.Sql,
	plan: { rccId: string; title: string; period: string | null; createdBy: number; initialState: Uint8Array }
): Promise<Plan> {
	const id = await sql.begin(async (tx) => {
		const [row] = await tx<{ id: string }[]>`
			insert into plans (rcc_id, title, period, created_by)
			values (${plan.rccId}, ${plan.title}, ${plan.period}, ${plan.createdBy}) returning id`;
		const doc = formatDocName({ kind: 'plan', planId: row.id });
		await tx`insert into collab_updates (doc, update) values (${doc}, ${Buffer.from(plan.initialState)})`;
		return row.id;
	});
	const created = await find(sql, plan.rccId, id);
	if (!created) throw new Error(`Plan ${id} vanished after it was created`);
	return created;
}
