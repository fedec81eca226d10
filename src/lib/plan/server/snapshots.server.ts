import type postgres from 'postgres';
import { formatDocName } from '../../collab/doc-name';

/**
 * Named versions of a plan (rows of `collab_snapshots`, migrations/0003_collab.sql, the table the
 * collaboration server's snapshots.ts writes too): the document's full state as one Yjs update.
 */
export interface SnapshotListing {
	id: string;
	name: string;
	createdAt: string;
	createdByName: string | null;
}

const docOf = (planId: string) => formatDocName({ kind: 'plan', planId });

export async function save(
	sql: postgres.Sql,
	snapshot: { planId: string; name: string; state: Uint8Array; createdBy: number }
): Promise<SnapshotListing> {
	const [row] = await sql<{ id: string; created_at: Date }[]>`
		insert into collab_snapshots (doc, name, state, created_by)
		values (${docOf(snapshot.planId)}, ${snapshot.name}, ${Buffer.from(snapshot.state)}, ${snapshot.createdBy})
		returning id::text as id, created_at`;
	const [user] = await sql<{ name: string }[]>`select name from users where id = ${snapshot.createdBy}`;
	return {
		id: row.id,
		name: snapshot.name,
		createdAt: row.created_at.toISOString(),
		createdByName: user?.name ?? null
	};
}

/** Newest first. */
export async function ofPlan(sql: postgres.Sql, planId: string): Promise<SnapshotListing[]> {
	const rows = await sql<{ id: string; name: string; created_at: Date; created_by_name: string | null }[]>`
		select s.id::text as id, s.name, s.created_at, u.name as created_by_name
		from collab_snapshots s left join users u on u.id = s.created_by
		where s.doc = ${docOf(planId)} order by s.created_at desc, s.id desc`;
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		createdAt: row.created_at.toISOString(),
		createdByName: row.created_by_name
	}));
}

export async function read(sql: postgres.Sql, planId: string, id: string): Promise<Uint8Array | null> {
	if (!/^\d{1,18}$/.test(id)) return null;
	const [row] = await sql<{ state: Buffer }[]>`
		select state from collab_snapshots where doc = ${docOf(planId)} and id = ${id}::bigint`;
	return row ? new Uint8Array(row.state) : null;
}
