import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareAnalysis, whatIf, type Proposal, type WhatIfResult } from '$lib/domain/analysis';
import type { Withheld } from '$lib/domain/suppression';
import { leaks, type ReaderView } from '../../../../tests/support/disclosure-attacker';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { suppressComparison } from './suppress-comparison';

/** Per area, what a reader of a comparison sees or could work out, with what ties them together. */
const KEYS = [
	'W',
	'within',
	'over',
	'before',
	'leftBefore',
	'afterA',
	'gainedA',
	'leftA',
	'afterB',
	'gainedB',
	'leftB',
	'difference'
] as const;
type Key = (typeof KEYS)[number];

function view(a: WhatIfResult, b: WhatIfResult, own: (code: string) => boolean) {
	const out = suppressComparison(a, b, own);
	const areasA = [...a.las, a.region];
	const areasB = [...b.las, b.region];
	const truth = areasA.flatMap((x, i) => {
		const y = areasB[i];
		return [
			x.withPlacementLocation,
			x.withPlacementLocation - x.over20Miles,
			x.over20Miles,
			x.couldLiveWithin20Before,
			x.over20Miles - x.couldLiveWithin20Before,
			x.couldLiveWithin20After,
			x.gained,
			x.over20Miles - x.couldLiveWithin20After,
			y.couldLiveWithin20After,
			y.gained,
			y.over20Miles - y.couldLiveWithin20After,
			x.couldLiveWithin20After - y.couldLiveWithin20After
		];
	});
	const at = (area: number, key: Key) => area * KEYS.length + KEYS.indexOf(key);
	const shown: (number | null)[] = truth.map(() => null);
	const known: (number | null)[] = truth.map(() => null);
	const percentages: NonNullable<ReaderView['percentages']>[number][] = [];
	const relations: ReaderView['relations'][number][] = [];
	const sum = (total: number, parts: number[]): [number, number][] => [
		[total, -1],
		...parts.map((p): [number, number] => [p, 1])
	];
	[...out.las, out.region].forEach((figures, area) => {
		if (area < a.las.length && own(a.las[area].code))
			KEYS.forEach((key) => (known[at(area, key)] = shown[at(area, key)] = truth[at(area, key)]));
		const show = (key: Key, w: Withheld) => {
			if (!w.suppressed && w.value !== null) shown[at(area, key)] = w.value;
		};
		const share = (key: Key, w: Withheld) => {
			if (w.value !== null) percentages.push({ part: at(area, key), whole: at(area, 'W'), percent: w.value });
		};
		share('over', figures.percentOver20MilesNow);
		share('leftA', figures.a.percentOver20Miles);
		share('leftB', figures.b.percentOver20Miles);
		show('gainedA', figures.a.broughtWithin20Miles);
		show('gainedB', figures.b.broughtWithin20Miles);
		relations.push(
			sum(at(area, 'W'), [at(area, 'within'), at(area, 'over')]),
			sum(at(area, 'over'), [at(area, 'before'), at(area, 'leftBefore')]),
			sum(at(area, 'over'), [at(area, 'afterA'), at(area, 'leftA')]),
			sum(at(area, 'over'), [at(area, 'afterB'), at(area, 'leftB')]),
			sum(at(area, 'afterA'), [at(area, 'before'), at(area, 'gainedA')]),
			sum(at(area, 'afterB'), [at(area, 'before'), at(area, 'gainedB')]),
			sum(at(area, 'afterA'), [at(area, 'afterB'), at(area, 'difference')])
		);
	});
	const region = a.las.length;
	for (const key of KEYS)
		relations.push(
			sum(
				at(region, key),
				a.las.map((_, area) => at(area, key))
			)
		);
	const signed = truth.map((_, i) => ['gainedA', 'gainedB', 'difference'].includes(KEYS[i % KEYS.length]));
	return { out, truth, known, view: { shown, signed, percentages, relations } satisfies ReaderView };
}

const home = (
	id: string,
	lon: number,
	lat: number,
	places: number,
	kind: 'childrens_home' | 'supported' | 'fostering'
): Proposal => ({
	action: 'add',
	id,
	kind,
	location: [lon, lat],
	places
});

describe('suppressComparison', () => {
	it('shows the reader’s own LA in full and refuses sides of different LAs', () => {
		const input = randomInput(7, { children: 30, homes: 8 });
		const context = prepareAnalysis(input);
		const a = whatIf(context, [home('a', -1.7, 51.3, 3, 'childrens_home')], { rccId: 'rcc' });
		const b = whatIf(context, [], { rccId: 'rcc' });
		const own = suppressComparison(a, b, (code) => code === 'SW');
		const sw = a.las.findIndex((la) => la.code === 'SW');
		expect(own.las[sw].a.broughtWithin20Miles).toEqual({ value: a.las[sw].gained, suppressed: false });
		expect(own.las[sw].b.broughtWithin20Miles).toEqual({ value: 0, suppressed: false });
		expect(() => suppressComparison(a, { ...b, las: b.las.slice(1) }, () => false)).toThrow(/same LAs/);
	});

	it(
		'narrows no withheld 1-4 figure (nor a difference between the sides) to 1-4, over random cohorts and scenario pairs',
		{ timeout: 300_000 },
		() => {
			const proposal = fc.record({
				lon: fc.double({ min: -2, max: -1, noNaN: true }),
				lat: fc.double({ min: 51, max: 52, noNaN: true }),
				places: fc.integer({ min: 1, max: 4 }),
				kind: fc.constantFrom('childrens_home', 'supported', 'fostering' as const)
			});
			fc.assert(
				fc.property(
					fc.integer({ min: 1, max: 1_000_000 }),
					fc.integer({ min: 8, max: 40 }),
					fc.array(proposal, { minLength: 0, maxLength: 3 }),
					fc.array(proposal, { minLength: 0, maxLength: 3 }),
					fc.constantFrom(null, 'SW', 'SE', 'NE'),
					(seed, children, addedA, addedB, ownLa) => {
						const context = prepareAnalysis(randomInput(seed, { children, homes: 8 }));
						const proposals = (added: typeof addedA, side: string) =>
							added.map((p, i) => home(`${side}${i}`, p.lon, p.lat, p.places, p.kind));
						const a = whatIf(context, proposals(addedA, 'a'), { rccId: 'rcc' });
						// B is A and one more home as often as not: the closest pairs, with the smallest differences.
						const b = whatIf(
							context,
							seed % 2 ? [...proposals(addedA, 'a'), ...proposals(addedB, 'b')] : proposals(addedB, 'b'),
							{ rccId: 'rcc' }
						);
						const { truth, known, view: seen } = view(a, b, (code) => code === ownLa);
						expect(leaks(seen, truth, Math.max(...truth.map(Math.abs)) + 6, known)).toEqual([]);
					}
				),
				{ numRuns: 40, seed: 1217 }
			);
		}
	);
});
