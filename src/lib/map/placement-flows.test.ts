import { describe, expect, it } from 'vitest';
import type { Boundaries, PlacementProperties, Placements } from './feature-properties';
import { placementFlows } from './placement-flows';

const la = (code: string, lon: number) => ({
	type: 'Feature' as const,
	properties: { code, labelLon: lon, labelLat: 53 } as Boundaries['features'][number]['properties'],
	geometry: { type: 'Polygon' as const, coordinates: [] }
});
const boundaries: Boundaries = { type: 'FeatureCollection', features: [la('A', -2), la('B', -1)] };
const line = (to: string | null, end: [number, number], over20Miles: boolean) => ({
	type: 'Feature' as const,
	properties: { laCode: 'A', placementLaCode: to, over20Miles } as PlacementProperties,
	geometry: { type: 'LineString' as const, coordinates: [[-2.01, 53.01], end] }
});

describe('placementFlows', () => {
	it('turns lines into one flow per LA pair and distance class, width by children', () => {
		const placements: Placements = {
			type: 'FeatureCollection',
			features: [
				line('B', [-1.01, 53], false),
				line('B', [-0.99, 53], false),
				line('B', [-1, 53.1], true),
				line('A', [-2, 53.02], false),
				line(null, [-4, 52], true),
				line(null, [-4.2, 52.2], true)
			]
		};
		const flows = placementFlows(placements, boundaries);
		expect(
			flows.features.map((f) => [f.properties.toLaCode, f.properties.over20Miles, f.properties.children])
		).toEqual([
			['B', false, 2],
			[null, true, 2],
			['B', true, 1]
		]);
		// From label point to label point, or to the middle of the placements in an LA not on the map.
		expect(flows.features[0].geometry.coordinates).toEqual([
			[-2, 53],
			[-1, 53]
		]);
		expect(flows.features[1].geometry.coordinates[1]).toEqual([-4.1, 52.1]);
	});
});
