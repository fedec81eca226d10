import type postgres from 'postgres';
import { ENGLAND_ID } from '$lib/domain/types';

export interface Rcc {
	id: string;
	name: string;
	isDemo: boolean;
	/** Member LAs' ONS codes, sorted by LA name. */
	laCodes: string[];
}

/** England as a whole, listed beside the RCCs: every LA is a member. */
async function england(sql: postgres.Sql): Promise<Rcc> {
	const rows = await sql<{ code: string }[]>`select code from las order by name`;
	return { id: ENGLAND_ID, name: 'England', isDemo: false, laCodes: rows.map((r) => r.code) };
}

/** The RCCs in the database (demo groupings first, by name), then England. */
export async function list(sql: postgres.Sql): Promise<Rcc[]> {
	const rows = await sql<{ id: string; name: string; isDemo: boolean; laCodes: string[] }[]>`
		select r.id, r.name, r.is_demo as "isDemo",
			coalesce(array_agg(l.code order by l.name) filter (where l.code is not null), '{}') as "laCodes"
		from rccs r
		left join rcc_members m on m.rcc_id = r.id
		left join las l on l.code = m.la_code
		where r.id <> ${ENGLAND_ID}
		group by r.id
		order by r.is_demo desc, r.name`;
	return [...rows.map((row) => ({ ...row })), await england(sql)];
}

/** One RCC by id (England included), or null when there is none. */
export async function find(sql: postgres.Sql, id: string): Promise<Rcc | null> {
	if (id === ENGLAND_ID) return england(sql);
	const [row] = await sql<{ id: string; name: string; isDemo: boolean; laCodes: string[] }[]>`
		select r.id, r.name, r.is_demo as "isDemo",
			coalesce(array_agg(l.code order by l.name) filter (where l.code is not null), '{}') as "laCodes"
		from rccs r
		left join rcc_members m on m.rcc_id = r.id
		left join las l on l.code = m.la_code
		where r.id = ${id}
		group by r.id`;
	return row ? { ...row } : null;
}
