import type { LaBoundary, PolygonCoordinates } from './types';

/**
 * Point-in-polygon for LA boundaries, built once. Each LA keeps its rings as flat Float64Arrays with a
 * bounding box per LA and per ring; a uniform grid over the LA boxes (the flatbush idea, for 153 boxes a
 * grid is simpler and as fast) finds the few LAs worth testing for a point.
 *
 * Rules: even-odd over every ring of every polygon, so holes and MultiPolygons (islands) need no special
 * case. A point on an edge or vertex counts as inside: generalised boundaries put the line somewhere
 * arbitrary within ~200 m, and a placement exactly on it is best read as inside the LA it touches.
 */
export interface PolygonIndex {
	readonly codes: readonly string[];
	indexOf(code: string): number;
	contains(laIndex: number, lon: number, lat: number): boolean;
	/** Index of an LA containing the point, or -1. */
	locate(lon: number, lat: number): number;
}

/** Tolerance for "on the boundary", in degrees (about 1 cm): well below the 5 dp source precision. */
const ON_EDGE_DEGREES = 1e-7;
const GRID_DEGREES = 0.25;

interface Ring {
	coords: Float64Array;
	minLon: number;
	minLat: number;
	maxLon: number;
	maxLat: number;
	/**
	 * Edges bucketed by latitude band (CSR): a horizontal ray only meets edges whose latitude range
	 * holds the point, so a test reads one band instead of every edge. Edge i joins vertex i-1 to i.
	 */
	bands: number;
	bandHeight: number;
	bandStart: Int32Array;
	bandEdges: Int32Array;
}

/** Rings with fewer edges are scanned whole; more get about this many edges per band. */
const EDGES_PER_BAND = 8;

interface Area {
	rings: Ring[];
	minLon: number;
	minLat: number;
	maxLon: number;
	maxLat: number;
}

function toRing(points: PolygonCoordinates[number]): Ring {
	const coords = new Float64Array(points.length * 2);
	let minLon = Infinity;
	let minLat = Infinity;
	let maxLon = -Infinity;
	let maxLat = -Infinity;
	for (let i = 0; i < points.length; i++) {
		const [lon, lat] = points[i];
		coords[2 * i] = lon;
		coords[2 * i + 1] = lat;
		if (lon < minLon) minLon = lon;
		if (lon > maxLon) maxLon = lon;
		if (lat < minLat) minLat = lat;
		if (lat > maxLat) maxLat = lat;
	}
	const n = points.length;
	const bands = n < 4 * EDGES_PER_BAND || maxLat === minLat ? 1 : Math.ceil(n / EDGES_PER_BAND);
	const bandHeight = (maxLat - minLat) / bands || 1;
	const bandOf = (lat: number) => Math.min(bands - 1, Math.max(0, Math.floor((lat - minLat) / bandHeight)));
	const counts = new Int32Array(bands + 1);
	// Band range of each edge i (vertex i-1 to i), computed once.
	const from = new Int32Array(n);
	const to = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const a = bandOf(coords[2 * i + 1]);
		const b = bandOf(coords[2 * (i === 0 ? n - 1 : i - 1) + 1]);
		from[i] = Math.min(a, b);
		to[i] = Math.max(a, b);
		for (let band = from[i]; band <= to[i]; band++) counts[band + 1]++;
	}
	for (let band = 0; band < bands; band++) counts[band + 1] += counts[band];
	const bandEdges = new Int32Array(counts[bands]);
	const fill = counts.slice(0, bands);
	for (let i = 0; i < n; i++) {
		for (let band = from[i]; band <= to[i]; band++) bandEdges[fill[band]++] = i;
	}
	return { coords, minLon, minLat, maxLon, maxLat, bands, bandHeight, bandStart: counts, bandEdges };
}

/** 1 inside, 0 outside, -1 on the boundary of this ring. */
function ringSide(ring: Ring, x: number, y: number): number {
	if (x < ring.minLon || x > ring.maxLon || y < ring.minLat || y > ring.maxLat) return 0;
	const c = ring.coords;
	const n = c.length / 2;
	let inside = 0;
	const band = Math.min(ring.bands - 1, Math.max(0, Math.floor((y - ring.minLat) / ring.bandHeight)));
	const edges = ring.bandEdges;
	// Works for closed rings (last = first) and open ones (the wrap-around edge j = n - 1).
	for (let e = ring.bandStart[band], end = ring.bandStart[band + 1]; e < end; e++) {
		const i = edges[e];
		const j = i === 0 ? n - 1 : i - 1;
		const xi = c[2 * i];
		const yi = c[2 * i + 1];
		const xj = c[2 * j];
		const yj = c[2 * j + 1];
		if (yi > y !== yj > y) {
			const xCross = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
			if (Math.abs(x - xCross) <= ON_EDGE_DEGREES) return -1;
			if (x < xCross) inside ^= 1;
		} else if (Math.abs(yi - y) <= ON_EDGE_DEGREES) {
			// Not a crossing but level with the point: on a horizontal edge, or on a vertex that is a local
			// top or bottom of the ring (straddling edges cover every other boundary point).
			if (
				Math.abs(xi - x) <= ON_EDGE_DEGREES ||
				(Math.abs(yj - y) <= ON_EDGE_DEGREES &&
					x >= Math.min(xi, xj) - ON_EDGE_DEGREES &&
					x <= Math.max(xi, xj) + ON_EDGE_DEGREES)
			) {
				return -1;
			}
		}
	}
	return inside;
}

function areaContains(area: Area, x: number, y: number): boolean {
	if (x < area.minLon || x > area.maxLon || y < area.minLat || y > area.maxLat) return false;
	let inside = false;
	for (const ring of area.rings) {
		const side = ringSide(ring, x, y);
		if (side === -1) return true;
		if (side === 1) inside = !inside;
	}
	return inside;
}

export function createPolygonIndex(boundaries: readonly LaBoundary[]): PolygonIndex {
	const codes = boundaries.map((boundary) => boundary.code);
	const byCode = new Map(codes.map((code, index) => [code, index]));
	const areas: Area[] = boundaries.map(({ geometry }) => {
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		const rings = polygons.flat().map(toRing);
		return {
			rings,
			minLon: Math.min(...rings.map((ring) => ring.minLon)),
			minLat: Math.min(...rings.map((ring) => ring.minLat)),
			maxLon: Math.max(...rings.map((ring) => ring.maxLon)),
			maxLat: Math.max(...rings.map((ring) => ring.maxLat))
		};
	});

	const gridMinLon = Math.min(...areas.map((area) => area.minLon));
	const gridMinLat = Math.min(...areas.map((area) => area.minLat));
	const columns = Math.max(
		1,
		Math.ceil((Math.max(...areas.map((a) => a.maxLon)) - gridMinLon) / GRID_DEGREES) + 1
	);
	const rows = Math.max(
		1,
		Math.ceil((Math.max(...areas.map((a) => a.maxLat)) - gridMinLat) / GRID_DEGREES) + 1
	);
	const grid: number[][] = areas.length ? Array.from({ length: columns * rows }, () => []) : [];
	areas.forEach((area, index) => {
		const c0 = Math.floor((area.minLon - gridMinLon) / GRID_DEGREES);
		const c1 = Math.floor((area.maxLon - gridMinLon) / GRID_DEGREES);
		const r0 = Math.floor((area.minLat - gridMinLat) / GRID_DEGREES);
		const r1 = Math.floor((area.maxLat - gridMinLat) / GRID_DEGREES);
		for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) grid[r * columns + c].push(index);
	});

	return {
		codes,
		indexOf: (code) => byCode.get(code) ?? -1,
		contains: (laIndex, lon, lat) => laIndex >= 0 && areaContains(areas[laIndex], lon, lat),
		locate(lon, lat) {
			const c = Math.floor((lon - gridMinLon) / GRID_DEGREES);
			const r = Math.floor((lat - gridMinLat) / GRID_DEGREES);
			if (c < 0 || r < 0 || c >= columns || r >= rows) return -1;
			for (const index of grid[r * columns + c]) if (areaContains(areas[index], lon, lat)) return index;
			return -1;
		}
	};
}
