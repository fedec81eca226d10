import type postgres from 'postgres';
import type { ChildPlacement } from '$lib/domain/summary';
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

/**
 * Where the looked-after children of these LAs live and where they are placed, without who they are:
 * all that the summaries and hotspots need, in no particular order (about half the cost of `ofLas`).
 */
export async function placementsOf(sql: postgres.Sql, laCodes: readonly string[]): Promise<ChildPlacement[]> {
	const rows = await sql<Omit<Row, 'id' | 'placementType' | 'urn'>[]>`
		select la_code as "laCode", home_lon as "homeLon", home_lat as "homeLat", placement_lon as "placementLon",
			placement_lat as "placementLat", placement_la_code as "placementLaCode"
		from children where la_code = any(${sql.array([...laCodes])})`;
	return rows.map((row) => ({
		laCode: row.laCode,
		home: [row.homeLon, row.homeLat],
		placement:
			row.placementLon === null || row.placementLat === null ? null : [row.placementLon, row.placementLat],
		placementLaCode: row.placementLaCode
	}));
}
