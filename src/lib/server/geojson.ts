import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';

const gzipAsync = promisify(gzip);

/** Below this a response is sent as is: compressing would save little. */
const COMPRESS_FROM_BYTES = 8 * 1024;

/** 5 decimal places of a degree is about 1 m: more would only add bytes. */
const PRECISION = 1e5;

export function round(degrees: number): number {
	return Math.round(degrees * PRECISION) / PRECISION;
}

function roundPositions<T>(coordinates: T): T {
	if (typeof coordinates === 'number') return round(coordinates) as T;
	return (coordinates as unknown[]).map(roundPositions) as T;
}

/** A copy of the geometry with every coordinate rounded to 5 decimal places. */
export function roundGeometry<G extends Geometry>(geometry: G): G {
	if (geometry.type === 'GeometryCollection') {
		return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
	}
	return { ...geometry, coordinates: roundPositions(geometry.coordinates) };
}

export function point(position: Position): Geometry {
	return { type: 'Point', coordinates: roundPositions(position) };
}

/** The client said it accepts gzip (`Accept-Encoding: gzip` or `*`, without `q=0`). */
export function acceptsGzip(request: Request | undefined): boolean {
	const header = request?.headers.get('accept-encoding');
	if (!header) return false;
	return header.split(',').some((entry) => {
		const [coding, ...parameters] = entry.trim().toLowerCase().split(';');
		const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
	});
}

/**
 * A FeatureCollection response: features numbered 0..n-1 (MapLibre feature-state needs integer ids),
 * coordinates rounded, private to the user and briefly cacheable. Gzipped when the request accepts it
 * (GeoJSON shrinks 4-8 times: the placements of a region go from megabytes to hundreds of kilobytes),
 * since adapter-node compresses only prebuilt static files. Requests made without `Accept-Encoding`
 * (SvelteKit's server-side `fetch`, tests) get plain JSON.
 */
export async function featureCollection<P extends GeoJsonProperties>(
	features: { geometry: Geometry; properties: P }[],
	request?: Request
): Promise<Response> {
	const body = JSON.stringify({
		type: 'FeatureCollection',
		features: features.map((feature, id): Feature<Geometry, P> => ({
			type: 'Feature',
			id,
			geometry: roundGeometry(feature.geometry),
			properties: feature.properties
		}))
	});
	const headers: Record<string, string> = {
		'content-type': 'application/geo+json',
		'cache-control': 'private, max-age=60',
		vary: 'accept-encoding'
	};
	if (body.length < COMPRESS_FROM_BYTES || !acceptsGzip(request)) return new Response(body, { headers });
	const compressed = await gzipAsync(body);
	return new Response(new Uint8Array(compressed), { headers: { ...headers, 'content-encoding': 'gzip' } });
}
