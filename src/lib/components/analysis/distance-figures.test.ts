import { describe, expect, it } from 'vitest';
import type { DistanceSummary } from '$lib/domain/analysis';
import type { AreaSummary } from '$lib/domain/types';
import { distanceFigures } from './distance-figures';

const own: DistanceSummary = {
	code: 'E08000003',
	children: 1280,
	withPlacementLocation: 1270,
	over20Miles: 99,
	outsideLa: 630,
	outsideRcc: 120,
	bands: { '0-5': 700, '5-10': 300, '10-20': 171, '20-50': 80, 'over 50': 19 },
	percentOver20Miles: 7.8,
	percentOutsideLa: 49.6,
	percentOutsideRcc: 9.4
};

const compared = (computed: number | null, published: number | null) => ({ computed, published });
const published: AreaSummary = {
	code: 'E08000003',
	name: 'Manchester',
	childrenLookedAfter: compared(1280, 1285),
	percentOutsideLa: compared(49.2, 49),
	percentOver20Miles: compared(7.7, 8),
	homes: compared(60, 61),
	places: compared(200, 210),
	vacancies: compared(20, null),
	fosteringPlaces: compared(900, 880)
};

describe('distanceFigures', () => {
	it('gives shares of all children looked after, beside the DfE figures', () => {
		const figures = distanceFigures(own, published);
		expect(figures.children).toEqual({ computed: 1280, published: 1285 });
		expect(figures.placementUnknown).toBe(10);
		// 99 of 1,280, not of the 1,270 with a known placement: DfE's denominator.
		expect(figures.over20Miles).toEqual({
			key: 'over20Miles',
			label: 'Placed over 20 miles from home',
			children: 99,
			percent: { computed: 7.7, published: 8 }
		});
		expect(figures.outsideLa.percent).toEqual({ computed: 49.2, published: 49 });
		expect(figures.outsideRcc.percent).toEqual({ computed: 9.4, published: null });
		expect(figures.bands.map((row) => [row.label, row.children, row.percent])).toEqual([
			['0 to 5 miles', 700, 54.7],
			['5 to 10 miles', 300, 23.4],
			['10 to 20 miles', 171, 13.4],
			['20 to 50 miles', 80, 6.3],
			['Over 50 miles', 19, 1.5]
		]);
	});

	it('shows no DfE figure where the summary has none for the LA', () => {
		const figures = distanceFigures(own, undefined);
		expect(figures.children.published).toBeNull();
		expect(figures.over20Miles.percent.published).toBeNull();
	});
});
