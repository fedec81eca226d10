import { describe, expect, it } from 'vitest';
import { centroid, smallRegion } from '../../../../tests/fixtures/analysis/small-region';
import { prepareAnalysis } from './prepare-analysis';
import { withinRadius } from './within-radius';

const context = prepareAnalysis(smallRegion());

describe('withinRadius', () => {
	it('lists homes and fostering nearest first and counts children by home area, never singly', () => {
		const result = withinRadius(context, centroid, 5);
		expect(result.homes.map((h) => h.urn)).toEqual(['H1']);
		expect(result.fostering).toEqual([]);
		expect(result.homeAreas).toEqual([{ location: centroid, children: 3, over20Miles: 1, miles: 0 }]);
		expect(result.childrenByLa).toEqual([{ laCode: 'SW', children: 3, over20Miles: 1 }]);
		expect(result.totals).toMatchObject({
			homes: 1,
			places: 4,
			vacancies: 1,
			children: 3,
			childrenOver20Miles: 1
		});
		const wide = withinRadius(context, centroid, 60);
		expect(wide.fostering.map((f) => f.laCode)).toEqual(['SE']);
		expect(wide.totals.children).toBe(4);
		expect(wide.childrenByLa).toContainEqual({ laCode: 'SE', children: 1, over20Miles: 0 });
	});
});
