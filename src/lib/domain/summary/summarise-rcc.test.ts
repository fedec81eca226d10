import { describe, expect, it } from 'vitest';
import type { LonLat } from '../types';
import { headline } from './headline';
import { NONE_PUBLISHED, readPublished, type PublishedFigures } from './published';
import { percent, summariseRcc, type SummaryInput } from './summarise-rcc';
import type { ChildPlacement } from './tally';

// One degree of latitude is about 69 miles: 0.1 degree ~ 7 miles, 0.5 degree ~ 35 miles.
const home: LonLat = [-2, 53];
const near: LonLat = [-2, 53.1];
const far: LonLat = [-2, 53.5];

function child(laCode: string, placement: LonLat | null, placementLaCode: string | null): ChildPlacement {
	return { laCode, home, placement, placementLaCode };
}

function published(figures: Partial<PublishedFigures>): PublishedFigures {
	return { ...NONE_PUBLISHED, ...figures };
}

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
	return {
		rcc: { id: 'test', name: 'Test RCC', isDemo: true },
		las: [
			{
				code: 'A',
				name: 'Alpha',
				published: published({
					childrenLookedAfter: 4,
					percentOutsideLa: 50,
					outsideLa: 2,
					percentOver20Miles: 25,
					over20Miles: 1,
					ofstedHomes: 2,
					ofstedPlaces: 7
				})
			},
			{
				code: 'B',
				name: 'Beta',
				published: published({
					childrenLookedAfter: 6,
					percentOutsideLa: 0,
					outsideLa: 0,
					ofstedHomes: 1,
					ofstedPlaces: 3
				})
			}
		],
		children: [
			child('A', near, 'A'),
			child('A', far, 'B'),
			child('A', near, 'B'),
			child('A', null, null),
			child('B', near, 'B'),
			child('B', near, 'B'),
			// Another LA's child, not a member: ignored.
			child('Z', far, 'A')
		],
		homes: [
			{ laCode: 'A', places: 4, vacancies: 1 },
			{ laCode: 'A', places: 3, vacancies: 0 },
			{ laCode: 'B', places: 2, vacancies: 2 },
			{ laCode: 'Z', places: 9, vacancies: 9 }
		],
		fostering: [{ laCode: 'A', places: 40 }],
		sources: ['DfE'],
		...overrides
	};
}

describe('summariseRcc', () => {
	it('computes each LA from its own children, homes and fostering, beside the published figures', () => {
		const summary = summariseRcc(input());
		const [alpha, beta] = summary.las;
		expect(alpha.code).toBe('A');
		expect(alpha.childrenLookedAfter).toEqual({ computed: 4, published: 4 });
		// 2 of 4 placed in another LA; 1 of 4 over 20 miles; the one whose placement is unknown counts in neither.
		expect(alpha.percentOutsideLa).toEqual({ computed: 50, published: 50 });
		expect(alpha.percentOver20Miles).toEqual({ computed: 25, published: 25 });
		expect(alpha.homes).toEqual({ computed: 2, published: 2 });
		expect(alpha.places).toEqual({ computed: 7, published: 7 });
		expect(alpha.vacancies).toEqual({ computed: 1, published: null });
		expect(alpha.fosteringPlaces).toEqual({ computed: 40, published: null });
		expect(beta.childrenLookedAfter).toEqual({ computed: 2, published: 6 });
		expect(beta.percentOutsideLa.computed).toBe(0);
		expect(beta.percentOver20Miles).toEqual({ computed: 0, published: null });
		expect(beta.fosteringPlaces.computed).toBeNull();
	});

	it('adds the members up for the region, percentages over all the region’s children', () => {
		const { region, rcc, sources } = summariseRcc(input());
		expect(rcc).toEqual({ id: 'test', name: 'Test RCC', isDemo: true });
		expect(sources).toEqual(['DfE']);
		expect(region.code).toBe('test');
		expect(region.childrenLookedAfter).toEqual({ computed: 6, published: 10 });
		expect(region.percentOutsideLa).toEqual({ computed: 33.3, published: 20 });
		expect(region.homes).toEqual({ computed: 3, published: 3 });
		expect(region.places).toEqual({ computed: 9, published: 10 });
		expect(region.vacancies).toEqual({ computed: 3, published: null });
		expect(region.fosteringPlaces).toEqual({ computed: 40, published: null });
	});

	it('leaves a region’s published share unknown when a member’s is suppressed (DfE null)', () => {
		const { region } = summariseRcc(input());
		// Beta's over-20-miles figure is suppressed: neither its count nor its share is known.
		expect(region.percentOver20Miles).toEqual({ computed: 16.7, published: null });
	});

	it('leaves out of the region’s published child figures a member DfE publishes no count for', () => {
		const tiny = { code: 'T', name: 'Tiny', published: published({ ofstedHomes: 0, ofstedPlaces: 0 }) };
		const { region } = summariseRcc(input({ las: [...input().las, tiny] }));
		expect(region.childrenLookedAfter.published).toBe(10);
		expect(region.percentOutsideLa.published).toBe(20);
		expect(region.homes.published).toBe(3);
		const none = summariseRcc(input({ las: [tiny] })).region;
		expect(none.childrenLookedAfter.published).toBeNull();
		expect(none.percentOutsideLa.published).toBeNull();
	});

	it('weights the members’ published shares when their counts are not given', () => {
		const las = input().las.map((la) => ({ ...la, published: { ...la.published, outsideLa: null } }));
		// (50% of 4 + 0% of 6) / 10
		expect(summariseRcc(input({ las })).region.percentOutsideLa.published).toBe(20);
	});

	it('gives null, not zero or NaN, for the child figures of an LA with no child records', () => {
		const summary = summariseRcc(input({ children: [...input().children].filter((c) => c.laCode !== 'B') }));
		const beta = summary.las[1];
		expect(beta.childrenLookedAfter).toEqual({ computed: null, published: 6 });
		expect(beta.percentOutsideLa).toEqual({ computed: null, published: 0 });
		expect(beta.percentOver20Miles).toEqual({ computed: null, published: null });
		expect(beta.homes.computed).toBe(1);
		// A partial regional total would read as the region's: withheld.
		expect(summary.region.childrenLookedAfter).toEqual({ computed: null, published: 10 });
		expect(summary.region.percentOver20Miles.computed).toBeNull();
		expect(summary.las[0].childrenLookedAfter.computed).toBe(4);
	});

	it('summarises an RCC with no data at all', () => {
		const summary = summariseRcc(input({ children: [], homes: [], fostering: [] }));
		expect(summary.region.homes.computed).toBe(0);
		expect(summary.region.fosteringPlaces.computed).toBeNull();
		expect(summary.region.childrenLookedAfter.computed).toBeNull();
		expect(JSON.stringify(summary)).not.toMatch(/NaN/);
	});
});

describe('headline', () => {
	it('takes the region’s computed figures', () => {
		expect(headline(summariseRcc(input()))).toEqual({
			id: 'test',
			name: 'Test RCC',
			isDemo: true,
			laCount: 2,
			headline: {
				childrenLookedAfter: 6,
				percentOver20Miles: 16.7,
				homes: 3,
				places: 9,
				published: { childrenLookedAfter: 10, percentOver20Miles: null }
			}
		});
	});
});

describe('percent', () => {
	it('rounds to one decimal place and is null for nothing to divide by', () => {
		expect(percent(1, 3)).toBe(33.3);
		expect(percent(2, 3)).toBe(66.7);
		expect(percent(0, 0)).toBeNull();
	});
});

describe('readPublished', () => {
	it('keeps finite numbers and treats DfE codes, strings and missing keys as not published', () => {
		expect(
			readPublished({ childrenLookedAfter: 332, percentOutsideLa: 'c', percentOver20Miles: null, extra: 1 })
		).toEqual({
			...NONE_PUBLISHED,
			childrenLookedAfter: 332
		});
		expect(readPublished(null)).toEqual(NONE_PUBLISHED);
		expect(readPublished('nonsense')).toEqual(NONE_PUBLISHED);
	});
});
