import type { FeatureCollection, LineString } from 'geojson';
import type { Boundaries, Placements } from './feature-properties';

export interface FlowProperties {
	fromLaCode: string;
	/** Null where the placement lies in no LA the data knows (Wales, Scotland). */
	toLaCode: string | null;
	children: number;
	over20Miles: boolean;
	/** Drawing order: long journeys on top. */
	sortKey: number;
}

export type Flows = FeatureCollection<LineString, FlowProperties>;

/**
 * Placement lines aggregated into flows between LAs, one a direction and distance class (over 20 miles
 * or not), from the home LA's label point to the placement LA's (or, for an LA not on the map, to the
 * middle of the placements there), width by children. Placements inside their home LA make no flow.
 * Counts are not suppressed here: placements.geojson holds only the reader's own LA's children
 * (access.ts canSeeChildRecords), which they may see in full.
 */
export function placementFlows(placements: Placements, boundaries: Boundaries): Flows {
	const labels = new Map(
		boundaries.features.map((f) => [f.properties.code, [f.properties.labelLon, f.properties.labelLat]])
	);
	const flows = new Map<string, { properties: FlowProperties; ends: number[][] }>();
	for (const { properties, geometry } of placements.features) {
		if (properties.placementLaCode === properties.laCode) continue;
		const key = `${properties.laCode}|${properties.placementLaCode}|${properties.over20Miles}`;
		let flow = flows.get(key);
		if (!flow) {
			flow = {
				properties: {
					fromLaCode: properties.laCode,
					toLaCode: properties.placementLaCode,
					children: 0,
					over20Miles: properties.over20Miles,
					sortKey: properties.over20Miles ? 1 : 0
				},
				ends: []
			};
			flows.set(key, flow);
		}
		flow.properties.children++;
		flow.ends.push(geometry.coordinates[geometry.coordinates.length - 1]);
	}
	const middle = (points: number[][]) => [
		points.reduce((sum, [x]) => sum + x, 0) / points.length,
		points.reduce((sum, [, y]) => sum + y, 0) / points.length
	];
	const features: Flows['features'] = [];
	for (const { properties, ends } of flows.values()) {
		const from = labels.get(properties.fromLaCode);
		if (!from) continue;
		const to = (properties.toLaCode && labels.get(properties.toLaCode)) || middle(ends);
		features.push({
			type: 'Feature',
			properties,
			geometry: { type: 'LineString', coordinates: [from, to] }
		});
	}
	// Wider flows first, so the thin ones stay visible on top of them.
	features.sort((a, b) => b.properties.children - a.properties.children);
	return { type: 'FeatureCollection', features };
}
