import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { centroid, smallRegion } from '../../../../tests/fixtures/analysis/small-region';
import { prepareAnalysis } from './prepare-analysis';
import { haversineMiles } from './haversine-miles';
import { placementLines } from './placement-lines';

const context = prepareAnalysis(smallRegion());

describe('placementLines', () => {
	it('draws a line with miles for each placed child of an LA, none for unknown placements', () => {
		const lines = placementLines(context, { type: 'la', code: 'SW' });
		expect(lines.features.map((line) => line.properties.childId)).toEqual(['a', 'b']);
		const a = lines.features[0];
		expect(a.geometry.coordinates).toEqual([centroid, [-1.1, 51.1]]);
		expect(a.properties.miles).toBe(haversineMiles(-1.9, 51.1, -1.1, 51.1));
		expect(a.properties).toMatchObject({ band: '20-50', over20Miles: true, insideLa: false });
	});

	it('selects home areas by H3 cell or by a radius around a point', () => {
		const cell = latLngToCell(centroid[1], centroid[0], 7);
		expect(placementLines(context, { type: 'cell', cell }).features.map((l) => l.properties.childId)).toEqual(
			['a', 'b']
		);
		const near = placementLines(context, { type: 'point', location: [-1.2, 51.2], radiusMiles: 1 });
		expect(near.features.map((l) => l.properties.childId)).toEqual(['d']);
	});
});
