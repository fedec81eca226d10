import type postgres from 'postgres';
import type { FigureValue } from '../figure-text';

/** Rows of `published_versions` (migrations/0004_plans.sql): immutable once written. */
export interface PublishedVersion {
	rccId: string;
	planId: string;
	version: number;
	title: string;
	period: string | null;
	html: string;
	figures: FigureValue[];
	publishedByName: string;
	publishedAt: string;
}

export type PublishedListing = Omit<PublishedVersion, 'html' | 'figures'>;

type Row = {
	rcc_id: string;
	plan_id: string;
	version: number;
	title: string;
	period: string | null;
	html?: string;
	figures?: FigureValue[];
	published_by_name: string;
	published_at: Date;
};

const listing = (row: Row): PublishedListing => ({
	rccId: row.rcc_id,
	planId: row.plan_id,
	version: row.version,
	title: row.title,
	period: row.period,
	publishedByName: row.published_by_name,
	publishedAt: row.published_at.toISOString()
});

/**
 * Writes the next version of a plan (1 for the first). The plan's row is locked for the transaction, so
 * two administrators publishing at once get versions n and n+1, never the same number.
 */
export async function append(
	sql: postgres.Sql,
	version: Omit<PublishedVersion, 'version' | 'publishedAt'> & { publishedBy: number }
): Promise<PublishedListing> {
	return sql.begin(async (tx) => {
		await tx`select id from plans where id = ${version.planId} for update`;
		const [{ next }] = await tx<{ next: number }[]>`
			select coalesce(max(version), 0) + 1 as next from published_versions where plan_id = ${version.planId}`;
		const [row] = await tx<Row[]>`
			insert into published_versions
				(rcc_id, plan_id, version, title, period, html, figures, published_by, published_by_name)
			values (${version.rccId}, ${version.planId}, ${next}, ${version.title}, ${version.period}, ${version.html},
				${tx.json(version.figures as unknown as postgres.JSONValue)}, ${version.publishedBy}, ${version.publishedByName})
			returning rcc_id, plan_id, version, title, period, published_by_name, published_at`;
		return listing(row);
	});
}

/** Newest first. */
export async function ofPlan(sql: postgres.Sql, rccId: string, planId: string): Promise<PublishedListing[]> {
	const rows = await sql<Row[]>`
		select rcc_id, plan_id, version, title, period, published_by_name, published_at from published_versions
		where rcc_id = ${rccId} and plan_id = ${planId} order by version desc`;
	return rows.map(listing);
}

export async function find(
	sql: postgres.Sql,
	rccId: string,
	planId: string,
	version: number
): Promise<PublishedVersion | null> {
	if (!Number.isSafeInteger(version) || version < 1) return null;
	const [row] = await sql<Row[]>`
		select rcc_id, plan_id, version, title, period, html, figures, published_by_name, published_at
		from published_versions where rcc_id = ${rccId} and plan_id = ${planId} and version = ${version}`;
	return row ? { ...listing(row), html: row.html ?? '', figures: row.figures ?? [] } : null;
}

/**
 * The latest published version of each plan, newest first: of one RCC (its public index of strategies),
 * or of every RCC when `rccId` is null (the public index of all of them).
 */
export async function latestOfRcc(sql: postgres.Sql, rccId: string | null): Promise<PublishedListing[]> {
	const rows = await sql<Row[]>`
		select distinct on (plan_id) rcc_id, plan_id, version, title, period, published_by_name, published_at
		from published_versions where ${rccId === null ? sql`true` : sql`rcc_id = ${rccId}`}
		order by plan_id, version desc`;
	return rows.map(listing).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
