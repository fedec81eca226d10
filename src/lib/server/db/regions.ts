import type postgres from 'postgres';
import type { Geometry } from 'geojson';

export interface Region {
	code: string;
	name: string;
	geometry: Geometry;
}

/** England's regions, by code. */
export async function all(sql: postgres.Sql): Promise<Region[]> {
	return sql<Region[]>`select code, name, geometry from regions order by code`;
}
