import type postgres from 'postgres';

/** Where an LA's figures come from: imported files (with their date) or the synthetic demo. */
export interface LaDataSource {
	laCode: string;
	/** 'imported' when the LA's children come from its SSDA903 return, else 'synthetic'. */
	children: 'imported' | 'synthetic';
	/** ISO timestamp of each kind's latest import for the LA. */
	imported: Record<string, string>;
}

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
