import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES } from '../../../tests/fixtures/analysis/random-input';
import { prepareAnalysis, type AnalysisChild } from '$lib/domain/analysis';
import { farPlacedChildren } from './far-placed-children';

/** A degree of latitude is about 69 miles: children placed due north of a home in SW (-1.9, 51.1). */
const child = (id: string, laCode: string, northDegrees: number | null): AnalysisChild => ({
	id,
	laCode,
	home: [-1.9, 51.1],
	placement: northDegrees === null ? null : [-1.9, 51.1 + northDegrees],
	placementType: 'childrens_home',
	age: 12,
	needs: []
});

describe('farPlacedChildren', () => {
	const context = prepareAnalysis({
		children: [
			child('near', 'SW', 0.1), // ~7 miles
			child('just-under', 'SW', 19.9 / 69.09), // 19.9 miles: not over
			child('b-far', 'SW', 0.5), // ~35 miles, in NW
			child('a-far', 'SW', 0.5),
			child('furthest', 'SW', 1), // ~69 miles, north of every LA
			child('unknown', 'SW', null),
			child('other-la', 'SE', 0.8)
		],
		homes: [],
		fostering: [],
		boundaries: RANDOM_BOUNDARIES,
		rccs: [{ id: 'rcc', laCodes: ['SW', 'SE'] }]
	});

	it("lists only that LA's children over 20 miles, furthest first, ties by id", () => {
		const far = farPlacedChildren(context, { laCode: 'SW' });
		expect(far.map((c) => c.id)).toEqual(['furthest', 'a-far', 'b-far']);
		expect(far[0].miles).toBeCloseTo(69.1, 0);
		expect(far[0]).toMatchObject({ placementLaCode: null, insideLa: false, age: 12 });
		expect(far[1]).toMatchObject({ placementLaCode: 'NW', insideLa: false });
	});

	it('takes another threshold, and answers nothing for an LA without children', () => {
		expect(farPlacedChildren(context, { laCode: 'SW', overMiles: 5 }).map((c) => c.id)).toContain('near');
		expect(farPlacedChildren(context, { laCode: 'NE' })).toEqual([]);
		expect(farPlacedChildren(context, { laCode: 'nowhere' })).toEqual([]);
	});
});
