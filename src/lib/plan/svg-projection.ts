import { bbox } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Web Mercator, as the live map draws (MapLibre), in radians of longitude; y grows northwards. */
function mercator(lon: number, lat: number): [number, number] {
	const clamped = Math.max(Math.min(lat, 85), -85);
	return [(lon * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
}

function inverseLat(y: number): number {
	return (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;
}

export interface SvgProjection {
	width: number;
	height: number;
	/** What the picture covers, grown from the asked bounds to the picture's shape. */
	bounds: Bounds;
	/** Pixels from the top left corner, rounded to a tenth. */
	project(lon: number, lat: number): [number, number];
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * A projection fitting `bounds` (plus `paddingRatio` of its size on each side) into a picture `width`
 * wide, as tall as the area's shape asks within [minAspect, maxAspect] × width: a very wide or very tall
 * area is grown in the other direction, around its middle, instead of being squashed.
 */
export function fitProjection(
	bounds: Bounds,
	options: { width: number; paddingRatio?: number; minAspect?: number; maxAspect?: number }
): SvgProjection {
	const { width, paddingRatio = 0.04, minAspect = 0.5, maxAspect = 1.3 } = options;
	const [west, south, east, north] = bounds;
	const [x0, y0] = mercator(west, south);
	const [x1, y1] = mercator(east, north);
	let spanX = Math.max(x1 - x0, 1e-6) * (1 + 2 * paddingRatio);
	let spanY = Math.max(y1 - y0, 1e-6) * (1 + 2 * paddingRatio);
	const aspect = Math.min(Math.max(spanY / spanX, minAspect), maxAspect);
	if (spanY / spanX < aspect) spanY = spanX * aspect;
	else spanX = spanY / aspect;
	const middleX = (x0 + x1) / 2;
	const middleY = (y0 + y1) / 2;
	const left = middleX - spanX / 2;
	const top = middleY + spanY / 2;
	const scale = width / spanX;
	const height = Math.round(spanY * scale);
	const toDegrees = (radians: number) => (radians * 180) / Math.PI;
	return {
		width,
		height,
		bounds: [toDegrees(left), inverseLat(middleY - spanY / 2), toDegrees(left + spanX), inverseLat(top)],
		project(lon, lat) {
			const [x, y] = mercator(lon, lat);
			return [tenth((x - left) * scale), tenth((top - y) * scale)];
		}
	};
}

/** [west, south, east, north] of a geometry; null when it holds no positions. */
export function geometryBounds(geometry: Geometry): Bounds | null {
	const [west, south, east, north] = bbox(geometry);
	return Number.isFinite(west) ? [west, south, east, north] : null;
}

export function unionBounds(boxes: (Bounds | null)[]): Bounds | null {
	const found = boxes.filter((box): box is Bounds => box !== null);
	if (found.length === 0) return null;
	return [
		Math.min(...found.map((box) => box[0])),
		Math.min(...found.map((box) => box[1])),
		Math.max(...found.map((box) => box[2])),
		Math.max(...found.map((box) => box[3]))
	];
}

export function boundsMeet(a: Bounds, b: Bounds): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Points closer than this (pixels) to the last one kept are dropped: they would not show. */
const MIN_STEP_PX = 0.6;

function ringPath(ring: Position[], projection: SvgProjection): string {
	const kept: [number, number][] = [];
	for (const [lon, lat] of ring) {
		const point = projection.project(lon, lat);
		const last = kept[kept.length - 1];
		if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP_PX) kept.push(point);
	}
	if (kept.length < 3) return '';
	return 'M' + kept.map(([x, y]) => `${x} ${y}`).join('L') + 'Z';
}

/** An SVG path (`d`) for a Polygon or MultiPolygon; '' for anything else or too small to see. */
export function polygonPath(geometry: Geometry, projection: SvgProjection): string {
	const polygons =
		geometry.type === 'Polygon'
			? [geometry.coordinates]
			: geometry.type === 'MultiPolygon'
				? geometry.coordinates
				: [];
	return polygons
		.flat()
		.map((ring) => ringPath(ring, projection))
		.join('');
}
