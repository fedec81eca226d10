import type postgres from 'postgres';
import type { Geometry } from 'geojson';
import { readPublished, type PublishedFigures } from '$lib/domain/summary';

export interface LaPublished {
	code: string;
	name: string;
	published: PublishedFigures;
}

export interface LaBoundary {
	code: string;
	name: string;
	member: boolean;
	regionName: string;
	population0to17: number | null;
	labelLon: number;
	labelLat: number;
	geometry: Geometry;
}

/** The LAs with these codes and the figures DfE and Ofsted published for them, by name. */
export async function withPublished(sql: postgres.Sql, codes: readonly string[]): Promise<LaPublished[]> {
	const rows = await sql<{ code: string; name: string; published: unknown }[]>`
		select code, name, published from las where code = any(${sql.array([...codes])}) order by name`;
	return rows.map((row) => ({ code: row.code, name: row.name, published: readPublished(row.published) }));
}

/**
 * The member LAs' boundaries, and for context those of every other LA whose bounding box meets the
 * members' bounding box grown by `marginDegrees` on each side. Bounding boxes are computed in SQL from
 * the GeoJSON positions so that only the geometry sent is read out of the database.
 */
export async function boundariesAround(
	sql: postgres.Sql,
	codes: readonly string[],
	marginDegrees: number
): Promise<LaBoundary[]> {
	const members = sql.array([...codes]);
	return sql<LaBoundary[]>`
		with positions as (
			select l.code, (p ->> 0)::float8 as lon, (p ->> 1)::float8 as lat
			from las l, jsonb_path_query(l.geometry, 'strict $.coordinates.**') p
			where jsonb_typeof(p) = 'array' and jsonb_typeof(p -> 0) = 'number'
		), boxes as (
			select code, min(lon) as west, max(lon) as east, min(lat) as south, max(lat) as north
			from positions group by code
		), area as (
			select min(west) - ${marginDegrees} as west, max(east) + ${marginDegrees} as east,
				min(south) - ${marginDegrees} as south, max(north) + ${marginDegrees} as north
			from boxes where code = any(${members})
		)
		select l.code, l.name, l.code = any(${members}) as member, l.region_name as "regionName",
			l.population_0_17 as "population0to17", l.label_lon as "labelLon", l.label_lat as "labelLat",
			l.geometry
		from las l join boxes b on b.code = l.code, area a
		where l.code = any(${members})
			or (b.west <= a.east and b.east >= a.west and b.south <= a.north and b.north >= a.south)
		order by l.name`;
}
