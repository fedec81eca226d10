import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError } from './data-file-error';

type Position = [number, number];

function isPosition(value: unknown): value is Position {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		value[0] >= -180 &&
		value[0] <= 180 &&
		value[1] >= -90 &&
		value[1] <= 90
	);
}

/** A closed ring of lon/lat positions; checked by hand because zod per position is slow on 100,000s. */
function isRing(value: unknown): value is Position[] {
	if (!Array.isArray(value) || value.length < 4 || !value.every(isPosition)) return false;
	const first = value[0];
	const last = value[value.length - 1];
	return first[0] === last[0] && first[1] === last[1];
}

const rings = z.custom<Position[][]>(
	(value) => Array.isArray(value) && value.length > 0 && value.every(isRing),
	'expected closed rings of [longitude, latitude] positions'
);

export const pointGeometry = z.object({
	type: z.literal('Point'),
	coordinates: z.custom<Position>(isPosition, 'expected a [longitude, latitude] position')
});
export const areaGeometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: rings }),
	z.object({
		type: z.literal('MultiPolygon'),
		coordinates: z.custom<Position[][][]>(
			(value) =>
				Array.isArray(value) &&
				value.length > 0 &&
				value.every((polygon) => rings.safeParse(polygon).success),
			'expected polygons of closed rings of [longitude, latitude] positions'
		)
	})
]);

/**
 * Reads a GeoJSON FeatureCollection and validates each feature's properties and geometry; a feature
 * that fails throws a DataFileError naming the file, the feature (from 1) and the property.
 */
export function readFeatures<Properties extends z.ZodObject, Geometry extends z.ZodType>(
	file: string,
	properties: Properties,
	geometry: Geometry
): { properties: z.output<Properties>; geometry: z.output<Geometry> }[] {
	const name = path.basename(file);
	let json: unknown;
	try {
		json = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		throw new DataFileError(`${name}: cannot read it as JSON (${(error as Error).message})`);
	}
	const features = (json as { type?: unknown; features?: unknown }).features;
	if ((json as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
		throw new DataFileError(`${name}: expected a GeoJSON FeatureCollection`);
	}
	return features.map((feature: { properties?: unknown; geometry?: unknown }, index) => {
		const props = properties.safeParse(feature?.properties);
		if (!props.success) {
			const issue = props.error.issues[0];
			throw new DataFileError(
				`${name}, feature ${index + 1}, property "${issue.path.join('.')}": ${issue.message}`
			);
		}
		const geom = geometry.safeParse(feature?.geometry);
		if (!geom.success) {
			const issue = geom.error.issues[0];
			throw new DataFileError(
				`${name}, feature ${index + 1}, geometry ${issue.path.join('.')}: ${issue.message}`
			);
		}
		return { properties: props.data, geometry: geom.data };
	});
}
