import type postgres from 'postgres';
import type { PlacementCount } from '$lib/domain/costs';

/**
 * How many of these LAs' looked-after children live in each placement type and provider sector (the
 * sector of the home they are placed in; null for placements not in a registered home, as fostering).
 */
export async function ofLas(sql: postgres.Sql, laCodes: readonly string[]): Promise<PlacementCount[]> {
	const rows = await sql<
		{
			laCode: string;
			placementType: PlacementCount['placementType'];
			sector: PlacementCount['sector'];
			count: number;
		}[]
	>`
		select c.la_code as "laCode", c.placement_type as "placementType", h.sector, count(*)::int as count
		from children c left join homes h on h.urn = c.placement_urn
		where c.la_code = any(${sql.array([...laCodes])})
		group by c.la_code, c.placement_type, h.sector
		order by 1, 2, 3`;
	return rows.map((row) => ({ ...row }));
}
