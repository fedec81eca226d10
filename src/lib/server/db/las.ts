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

/** [west, south, east, north] of a Polygon or MultiPolygon. */
function bbox(geometry: Geometry): [number, number, number, number] {
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (value: unknown): void => {
		if (!Array.isArray(value)) return;
		if (typeof value[0] === 'number') {
			const [lon, lat] = value as number[];
			box[0] = Math.min(box[0], lon);
			box[1] = Math.min(box[1], lat);
			box[2] = Math.max(box[2], lon);
			box[3] = Math.max(box[3], lat);
		} else value.forEach(visit);
	};
	if ('coordinates' in geometry) visit(geometry.coordinates);
	return box;
}

/**
 * How far around the members' bounding box the map draws neighbouring LAs for context, in degrees:
 * the live map (boundaries.geojson) and the published map views' pictures draw the same neighbours.
 */
export const MAP_CONTEXT_MARGIN_DEGREES = 0.3;

/**
 * The member LAs' boundaries, and for context those of every other LA whose bounding box meets the
 * members' bounding box grown by `marginDegrees` on each side, by name. (Reading all 153 boundaries
 * and boxing them here took ~40 ms on the demo; the same in SQL over jsonb, ~200-800 ms.)
 */
export async function boundariesAround(
	sql: postgres.Sql,
	codes: readonly string[],
	marginDegrees: number
): Promise<LaBoundary[]> {
	const rows = await sql<Omit<LaBoundary, 'member'>[]>`
		select code, name, region_name as "regionName", population_0_17 as "population0to17",
			label_lon as "labelLon", label_lat as "labelLat", geometry
		from las order by name`;
	const members = new Set(codes);
	const boxes = new Map(rows.map((row) => [row.code, bbox(row.geometry)]));
	const area: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const code of members) {
		const box = boxes.get(code);
		if (!box) continue;
		area[0] = Math.min(area[0], box[0] - marginDegrees);
		area[1] = Math.min(area[1], box[1] - marginDegrees);
		area[2] = Math.max(area[2], box[2] + marginDegrees);
		area[3] = Math.max(area[3], box[3] + marginDegrees);
	}
	const meets = ([west, south, east, north]: number[]) =>
		west <= area[2] && east >= area[0] && south <= area[3] && north >= area[1];
	return rows
		.filter((row) => members.has(row.code) || meets(boxes.get(row.code)!))
		.map((row) => ({ ...row, member: members.has(row.code) }));
}
