import { bbox } from '@turf/turf';
import { geoMercator, geoPath, geoTransform } from 'd3-geo';
import type { Geometry } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export interface SvgProjection {
	width: number;
	height: number;
	/** What the picture covers, grown from the asked bounds to the picture's shape. */
	bounds: Bounds;
	/** Pixels from the top left corner, rounded to a tenth. */
	project(lon: number, lat: number): [number, number];
	/** An SVG path (`d`) for a Polygon or MultiPolygon; '' for anything else or too small to see. */
	polygonPath(geometry: Geometry): string;
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** Points closer than this (pixels) to the last one kept are dropped: they would not show. */
const MIN_STEP_PX = 0.6;

/**
 * Rings drawn as MapLibre draws them: each vertex through Web Mercator, straight lines between
 * (planar, so no great-circle resampling and no dependence on ring winding, which d3's spherical
 * polygons would read as "the rest of the globe" for RFC 7946 rings). Points too close to show are
 * dropped and rings left with fewer than three are not drawn.
 */
function ringStream(project: (lon: number, lat: number) => [number, number]) {
	// A ring is whole between lineStart and lineEnd: geoPath streams one geometry synchronously.
	let ring: [number, number][] = [];
	return geoTransform({
		lineStart() {
			ring = [];
		},
		point(lon: number, lat: number) {
			const point = project(lon, lat);
			const last = ring[ring.length - 1];
			if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP_PX) ring.push(point);
		},
		lineEnd() {
			if (ring.length < 3) return;
			this.stream.lineStart();
			for (const [x, y] of ring) this.stream.point(x, y);
			this.stream.lineEnd();
		}
	});
}

/**
 * A Web Mercator projection (as the live map, MapLibre) fitting `bounds` (plus `paddingRatio` of its
 * size on each side) into a picture `width` wide, as tall as the area's shape asks within
 * [minAspect, maxAspect] × width: a very wide or very tall area is grown in the other direction,
 * around its middle, instead of being squashed.
 */
export function fitProjection(
	bounds: Bounds,
	options: { width: number; paddingRatio?: number; minAspect?: number; maxAspect?: number }
): SvgProjection {
	const { width, paddingRatio = 0.04, minAspect = 0.5, maxAspect = 1.3 } = options;
	const [west, south, east, north] = bounds;
	// Corners, not a rectangle polygon: d3 would bend a polygon's parallels into great circles.
	const corners = {
		type: 'MultiPoint' as const,
		coordinates: [
			[west, south],
			[east, north]
		]
	};
	const unit = geoMercator().scale(1).translate([0, 0]);
	const [[x0, y0], [x1, y1]] = geoPath(unit).bounds(corners);
	const shape = Math.max(y1 - y0, 1e-6) / Math.max(x1 - x0, 1e-6);
	const height = Math.round(width * Math.min(Math.max(shape, minAspect), maxAspect));
	const inset = paddingRatio / (1 + 2 * paddingRatio);
	const mercator = geoMercator().fitExtent(
		[
			[width * inset, height * inset],
			[width * (1 - inset), height * (1 - inset)]
		],
		corners
	);
	const project = (lon: number, lat: number): [number, number] => {
		const [x, y] = mercator([lon, lat]) ?? [NaN, NaN];
		return [tenth(x), tenth(y)];
	};
	const [left, bottom] = mercator.invert!([0, height])!;
	const [right, top] = mercator.invert!([width, 0])!;
	const path = geoPath(ringStream(project)).digits(1);
	return {
		width,
		height,
		bounds: [left, bottom, right, top],
		project,
		polygonPath: (geometry) =>
			geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? (path(geometry) ?? '') : ''
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
