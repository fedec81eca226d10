import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError } from './data-file-error';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);

export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const areaGeometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
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
