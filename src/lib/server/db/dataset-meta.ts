import type postgres from 'postgres';

/** The attributions of the data set as seeded or imported (`dataset_meta.sources`), or null when none. */
export async function sources(sql: postgres.Sql): Promise<string[] | null> {
	const [row] = await sql<{ value: unknown }[]>`select value from dataset_meta where key = 'sources'`;
	const value = row?.value;
	return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}
