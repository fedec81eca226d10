import type postgres from 'postgres';
import type { LonLat, PlacementType } from '$lib/domain/types';

export interface ChildPlacementRecord {
	id: string;
	laCode: string;
	placementType: PlacementType;
	/** Generalised home location (a small-area centroid, jittered), never an address. */
	home: LonLat;
	placement: LonLat | null;
	placementLaCode: string | null;
	urn: string | null;
}

interface Row {
	id: string;
	laCode: string;
	placementType: PlacementType;
	homeLon: number;
	homeLat: number;
	placementLon: number | null;
	placementLat: number | null;
	placementLaCode: string | null;
	urn: string | null;
}

/** The looked-after children of these LAs (their home LA), with where they live, by id. */
export async function ofLas(sql: postgres.Sql, laCodes: readonly string[]): Promise<ChildPlacementRecord[]> {
	const rows = await sql<Row[]>`
		select id, la_code as "laCode", placement_type as "placementType", home_lon as "homeLon",
			home_lat as "homeLat", placement_lon as "placementLon", placement_lat as "placementLat",
			placement_la_code as "placementLaCode", placement_urn as urn
		from children where la_code = any(${sql.array([...laCodes])})
		order by id`;
	return rows.map((row) => ({
		id: row.id,
		laCode: row.laCode,
		placementType: row.placementType,
		home: [row.homeLon, row.homeLat],
		placement:
			row.placementLon === null || row.placementLat === null ? null : [row.placementLon, row.placementLat],
		placementLaCode: row.placementLaCode,
		urn: row.urn
	}));
}

/** How many children each of these LAs looks after, per the records held (LAs with none are absent). */
export async function countByLa(sql: postgres.Sql, laCodes: readonly string[]): Promise<Map<string, number>> {
	const rows = await sql<{ laCode: string; count: number }[]>`
		select la_code as "laCode", count(*)::int as count
		from children where la_code = any(${sql.array([...laCodes])}) group by la_code`;
	return new Map(rows.map((row) => [row.laCode, row.count]));
}
