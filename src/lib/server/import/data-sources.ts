import type postgres from 'postgres';

import type { LaDataSource } from '../../domain/data-source';

export type { LaDataSource };

export async function dataSourcesOf(sql: postgres.Sql, laCodes: readonly string[]): Promise<LaDataSource[]> {
	const rows = await sql<{ laCode: string; kind: string; at: Date }[]>`
		select la_code as "laCode", kind, imported_at as at from la_data_sources
		where la_code = any(${sql.array([...laCodes])})`;
	return laCodes.map((laCode) => {
		const imported = Object.fromEntries(
			rows.filter((r) => r.laCode === laCode).map((r) => [r.kind, r.at.toISOString()])
		);
		return { laCode, children: 'ssda903-episodes' in imported ? 'imported' : 'synthetic', imported };
	});
}
