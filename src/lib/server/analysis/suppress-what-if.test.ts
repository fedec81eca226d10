import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	prepareAnalysis,
	whatIf,
	type Proposal,
	type WhatIfArea,
	type WhatIfResult
} from '$lib/domain/analysis';
import type { Withheld } from '$lib/domain/suppression';
import { leaks, type ReaderView } from '../../../../tests/support/disclosure-attacker';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { suppressWhatIf } from './suppress-what-if';
import { propertyRuns } from '../../../../tests/mutation/property-runs';

function area(
	code: string,
	over20Miles: number,
	before: number,
	after: number,
	withPlacement = 100
): WhatIfArea {
	return {
		code,
		children: withPlacement,
		withPlacementLocation: withPlacement,
		over20Miles,
		couldLiveWithin20Before: before,
		couldLiveWithin20After: after,
		gained: after - before,
		percentOver20MilesNow: null,
		percentOver20MilesBefore: null,
		percentOver20MilesAfter: null
	};
}

function result(las: WhatIfArea[]): WhatIfResult {
	const sum = (key: keyof WhatIfArea) => las.reduce((total, la) => total + (la[key] as number), 0);
	return {
		las,
		region: area(
			'r',
			sum('over20Miles'),
			sum('couldLiveWithin20Before'),
			sum('couldLiveWithin20After'),
			sum('children')
		),
		byProposal: [],
		milliseconds: 1
	};
}

describe('suppressWhatIf', () => {
	const input = result([area('A', 20, 10, 13), area('B', 30, 10, 20), area('C', 40, 10, 25)]);

	it('withholds small counts and one more so that the total does not give them away', () => {
		const out = suppressWhatIf(input, () => false);
		expect(out.las[0].gained).toEqual({ value: null, suppressed: true });
		// A's gain of 3 would follow from the region's 28 minus B's 10 and C's 15: another is withheld.
		expect(
			out.las.filter((la) => la.gained.suppressed).length + (out.region.gained.suppressed ? 1 : 0)
		).toBeGreaterThan(1);
		expect(out.las[2].percentOver20MilesNow).toEqual({ value: 40, suppressed: false });
	});

	it('shows the reader’s own LA in full, and everything when every LA is theirs', () => {
		expect(suppressWhatIf(input, (code) => code === 'A').las[0].gained).toEqual({
			value: 3,
			suppressed: false
		});
		const all = suppressWhatIf(input, () => true);
		expect(all.region.gained).toEqual({ value: 28, suppressed: false });
		// Region: 90 over 20 of 300, 30 could move before, 58 after.
		expect(all.region.percentOver20MilesBefore).toEqual({ value: 20, suppressed: false });
		expect(all.region.percentOver20MilesAfter).toEqual({ value: 10.7, suppressed: false });
	});

	it('shows the region’s small shares only to a reader who holds every LA', () => {
		// Over 20 miles left after the proposals: A 1, B 1, the region 2 of 200 children (1%).
		const small = result([area('A', 5, 2, 4), area('B', 10, 5, 9)]);
		expect(suppressWhatIf(small, () => true).region.percentOver20MilesAfter).toEqual({
			value: 1,
			suppressed: false
		});
		const partly = suppressWhatIf(small, (code) => code === 'A');
		expect(partly.las[0].percentOver20MilesAfter).toEqual({ value: 1, suppressed: false });
		expect(partly.las[1].percentOver20MilesAfter).toEqual({ value: null, suppressed: true });
		expect(partly.region.percentOver20MilesAfter).toEqual({ value: null, suppressed: true });
	});

	it('never takes the region for one of the reader’s LAs, whatever `known` says of its code', () => {
		// B's gain of 4 would follow from the region's 6 less A's 2 if the region were known.
		const small = result([area('A', 5, 2, 4), area('B', 10, 5, 9)]);
		const out = suppressWhatIf(small, (code) => code !== 'B');
		expect(out.las[0].gained).toEqual({ value: 2, suppressed: false });
		expect(out.las[1].gained).toEqual({ value: null, suppressed: true });
		expect(out.region.gained).toEqual({ value: null, suppressed: true });
	});

	it('gives a what-if over no LAs a region of zeros and no shares', () => {
		const out = suppressWhatIf(result([]), () => false);
		expect(out.las).toEqual([]);
		expect(out.region.gained).toEqual({ value: 0, suppressed: false });
		expect(out.region.percentOver20MilesNow).toEqual({ value: null, suppressed: false });
	});
});

describe('suppressWhatIf against an independent attacker, on the real engine', () => {
	const KEYS = ['W', 'within', 'over', 'before', 'after', 'gained', 'leftBefore', 'leftAfter'] as const;
	/**
	 * What the reader sees of a what-if and what they know: the over-20 count, who could move before and
	 * after and the gain, three shares of the children with a placement location (itself never shown),
	 * their own LAs' figures; and what the figures mean: over 20 = could move + could not (before and
	 * after), gained = after - before, within + over 20 = with a location, the region = its LAs.
	 */
	function view(result: WhatIfResult, own: (code: string) => boolean) {
		const out = suppressWhatIf(result, own);
		const areas = [...result.las, result.region];
		const truth = areas.flatMap((a) => [
			a.withPlacementLocation,
			a.withPlacementLocation - a.over20Miles,
			a.over20Miles,
			a.couldLiveWithin20Before,
			a.couldLiveWithin20After,
			a.gained,
			a.over20Miles - a.couldLiveWithin20Before,
			a.over20Miles - a.couldLiveWithin20After
		]);
		const at = (a: number, key: (typeof KEYS)[number]) => a * KEYS.length + KEYS.indexOf(key);
		const shown: (number | null)[] = truth.map(() => null);
		const known: (number | null)[] = truth.map(() => null);
		const percentages: NonNullable<ReaderView['percentages']>[number][] = [];
		const relations: ReaderView['relations'][number][] = [];
		const sum = (total: number, parts: number[]): [number, number][] => [
			[total, -1],
			...parts.map((p): [number, number] => [p, 1])
		];
		[...out.las, out.region].forEach((figures, a) => {
			if (a < result.las.length && own(result.las[a].code))
				KEYS.forEach((key) => (known[at(a, key)] = shown[at(a, key)] = truth[at(a, key)]));
			const show = (key: (typeof KEYS)[number], w: Withheld) => {
				if (!w.suppressed && w.value !== null) shown[at(a, key)] = w.value;
			};
			show('over', figures.over20Miles);
			show('before', figures.couldLiveWithin20Before);
			show('after', figures.couldLiveWithin20After);
			show('gained', figures.gained);
			const share = (key: (typeof KEYS)[number], w: Withheld) => {
				if (w.value !== null) percentages.push({ part: at(a, key), whole: at(a, 'W'), percent: w.value });
			};
			share('over', figures.percentOver20MilesNow);
			share('leftBefore', figures.percentOver20MilesBefore);
			share('leftAfter', figures.percentOver20MilesAfter);
			relations.push(
				sum(at(a, 'W'), [at(a, 'within'), at(a, 'over')]),
				sum(at(a, 'over'), [at(a, 'before'), at(a, 'leftBefore')]),
				sum(at(a, 'over'), [at(a, 'after'), at(a, 'leftAfter')]),
				sum(at(a, 'after'), [at(a, 'before'), at(a, 'gained')])
			);
		});
		const region = result.las.length;
		for (const key of KEYS)
			relations.push(
				sum(
					at(region, key),
					result.las.map((_, a) => at(a, key))
				)
			);
		const signed = truth.map((_, i) => KEYS[i % KEYS.length] === 'gained');
		return { truth, known, view: { shown, signed, percentages, relations } satisfies ReaderView };
	}

	it(
		'narrows no withheld 1-4 count to 1-4, over 1,000 random cohorts and proposals',
		{ timeout: 300_000 },
		() => {
			fc.assert(
				fc.property(
					fc.integer({ min: 1, max: 1_000_000 }),
					fc.integer({ min: 8, max: 40 }),
					fc.array(
						fc.record({
							lon: fc.double({ min: -2, max: -1, noNaN: true }),
							lat: fc.double({ min: 51, max: 52, noNaN: true }),
							places: fc.integer({ min: 1, max: 4 }),
							kind: fc.constantFrom('childrens_home', 'supported', 'fostering' as const)
						}),
						{ minLength: 0, maxLength: 3 }
					),
					fc.boolean(),
					fc.constantFrom(null, 'SW', 'SE', 'NE'),
					(seed, children, added, removeOne, ownLa) => {
						const input = randomInput(seed, { children, homes: 8 });
						const proposals: Proposal[] = added.map((p, i) => ({
							action: 'add',
							id: `p${i}`,
							kind: p.kind,
							location: [p.lon, p.lat],
							places: p.places
						}));
						const withVacancies = input.homes.find((home) => home.vacancies > 0);
						if (removeOne && withVacancies) proposals.push({ action: 'remove', urn: withVacancies.urn });
						const result = whatIf(prepareAnalysis(input), proposals, { rccId: 'rcc' });
						const { truth, known, view: seen } = view(result, (code) => code === ownLa);
						expect(leaks(seen, truth, Math.max(...truth) + 6, known)).toEqual([]);
					}
				),
				{ numRuns: propertyRuns(1000), seed: 112 }
			);
		}
	);
});
