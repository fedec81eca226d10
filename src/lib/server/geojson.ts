import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { jsonResponse, type CachePolicy } from './json-response';

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

/**
 * A FeatureCollection response: features numbered 0..n-1 (MapLibre feature-state needs integer ids),
 * coordinates rounded, as application/geo+json (gzipped when accepted, `no-store` unless `cache` says
 * otherwise: json-response.ts).
 */
export function featureCollection<P extends GeoJsonProperties>(
	features: { geometry: Geometry; properties: P }[],
	request?: Request,
	cache?: CachePolicy
): Promise<Response> {
	const collection = {
		type: 'FeatureCollection',
		features: features.map((feature, id): Feature<Geometry, P> => ({
			type: 'Feature',
			id,
			geometry: roundGeometry(feature.geometry),
			properties: feature.properties
		}))
	};
	return jsonResponse(collection, { request, contentType: 'application/geo+json', cache });
}
