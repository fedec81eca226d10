import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { Placements } from './feature-properties';
import { placementsFromArea } from './placements-from-area';

const cell = latLngToCell(53.48, -2.24, 6);
const [cellLat, cellLon] = cellToLatLng(cell);

function line(childId: string, laCode: string, home: [number, number], miles: number) {
	return {
		type: 'Feature' as const,
		geometry: { type: 'LineString' as const, coordinates: [home, [home[0] + 0.5, home[1]]] },
		properties: {
			childId,
			laCode,
			placementType: 'foster' as const,
			placementLaCode: null,
			urn: null,
			miles,
			outsideLa: miles > 5,
			over20Miles: miles > 20
		}
	};
}

const placements = {
	type: 'FeatureCollection',
	features: [
		line('a', 'E08000003', [cellLon, cellLat], 3),
		line('b', 'E08000003', [cellLon + 0.001, cellLat], 25),
		line('c', 'E08000003', [cellLon, cellLat - 0.001], 12),
		// Well outside the cell (about 35 miles east), same LA.
		line('d', 'E08000003', [cellLon + 0.8, cellLat], 40),
		line('e', 'E08000001', [cellLon, cellLat], 8)
	]
} as Placements;

describe('placementsFromArea', () => {
	it('keeps the lines whose home point falls in the cell, with count, median and over 20 miles', () => {
		const found = placementsFromArea(placements, { kind: 'cell', h3: cell });
		expect(found.lines.features.map((f) => f.properties.childId).sort()).toEqual(['a', 'b', 'c', 'e']);
		expect(found).toMatchObject({ count: 4, medianMiles: 10, over20Miles: 1, miles: [25, 12, 8, 3] });
	});

	it('keeps the lines of children an LA is responsible for, wherever their home is', () => {
		const found = placementsFromArea(placements, { kind: 'la', code: 'E08000003' });
		expect(found).toMatchObject({ count: 4, medianMiles: 18.5, over20Miles: 2 });
	});

	it('reports no median when no line comes from the area', () => {
		const found = placementsFromArea(placements, { kind: 'la', code: 'E06000001' });
		expect(found).toEqual({
			lines: { type: 'FeatureCollection', features: [] },
			count: 0,
			medianMiles: null,
			over20Miles: 0,
			miles: []
		});
	});
});
