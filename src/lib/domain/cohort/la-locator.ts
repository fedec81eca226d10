import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '../types';

export interface LaBoundary {
	code: string;
	geometry: Polygon | MultiPolygon;
}

/** Point-in-polygon against the LA boundaries, with a bounding-box test first. */
export interface LaLocator {
	/** The LA whose polygon holds the point; null outside England (sea, Wales, Scotland). */
	laAt(point: LonLat): string | null;
	contains(code: string, point: LonLat): boolean;
	codes: string[];
}

interface Entry {
	code: string;
	geometry: Polygon | MultiPolygon;
	west: number;
	south: number;
	east: number;
	north: number;
}

export function createLaLocator(boundaries: readonly LaBoundary[]): LaLocator {
	const entries: Entry[] = boundaries.map(({ code, geometry }) => {
		let west = Infinity;
		let south = Infinity;
		let east = -Infinity;
		let north = -Infinity;
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		for (const polygon of polygons) {
			for (const [lon, lat] of polygon[0]) {
				if (lon < west) west = lon;
				if (lon > east) east = lon;
				if (lat < south) south = lat;
				if (lat > north) north = lat;
			}
		}
		return { code, geometry, west, south, east, north };
	});
	const byCode = new Map(entries.map((entry) => [entry.code, entry]));
	const inside = (entry: Entry, point: LonLat) =>
		point[0] >= entry.west &&
		point[0] <= entry.east &&
		point[1] >= entry.south &&
		point[1] <= entry.north &&
		booleanPointInPolygon(point, entry.geometry);

	return {
		codes: entries.map((entry) => entry.code),
		laAt(point) {
			for (const entry of entries) if (inside(entry, point)) return entry.code;
			return null;
		},
		contains(code, point) {
			const entry = byCode.get(code);
			if (!entry) throw new Error(`no boundary for LA ${code}`);
			return inside(entry, point);
		}
	};
}
