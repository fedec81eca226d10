/**
 * Cases of whatIf that the mutation run (docs/mutation.md) found untested, worked out by hand on the
 * meridian 1.5 W (a degree of latitude is 69.09 miles, so 20 miles is 0.29 degrees): which child a
 * proposed home's place goes to, several proposals, removals, needs beyond one 32-bit mask word, a
 * region other than England, and calls that must not change the prepared context.
 */
import { describe, expect, it } from 'vitest';
import { prepareAnalysis } from './prepare-analysis';
import type { AnalysisChild, AnalysisHome, AnalysisInput, LaBoundary, Proposal } from './types';
import { whatIf } from './what-if';

const LON = -1.5;
const box = (code: string, lat: number): LaBoundary => ({
	code,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[-2, lat],
				[-1, lat],
				[-1, lat + 1],
				[-2, lat + 1],
				[-2, lat]
			]
		]
	}
});
const boundaries = [box('X', 52), box('Y', 53), box('Z', 51)];
const rccs = [
	{ id: 'all', laCodes: ['X', 'Y', 'Z'] },
	{ id: 'north', laCodes: ['Y'] }
];

/** Over 20 miles from home: placed at 55.5 N, outside every LA. */
function child(id: string, laCode: string, lat: number, needs: string[] = []): AnalysisChild {
	return {
		id,
		laCode,
		home: [LON, lat],
		placement: [LON, 55.5],
		placementType: 'childrens_home',
		age: 12,
		needs
	};
}

function home(urn: string, lat: number, vacancies: number, needs: string[] = []): AnalysisHome {
	return {
		urn,
		laCode: 'X',
		kind: 'childrens_home',
		location: [LON, lat],
		places: vacancies,
		vacancies,
		ageMin: 8,
		ageMax: 17,
		needs
	};
}

function add(
	id: string,
	lat: number,
	places = 1,
	extra: Partial<Extract<Proposal, { action: 'add' }>> = {}
): Proposal {
	return { action: 'add', id, kind: 'childrens_home', location: [LON, lat], places, ...extra };
}

function input(children: AnalysisChild[], homes: AnalysisHome[] = []): AnalysisInput {
	return { children, homes, fostering: [], boundaries, rccs };
}

const gainedByLa = (result: ReturnType<typeof whatIf>) =>
	Object.fromEntries(result.las.map((la) => [la.code, la.gained]));

describe('whatIf, worked by hand', () => {
	it("gives a proposed home's only place to the nearer of two free children, whichever comes first", () => {
		const proposal = [add('p', 52.9)];
		// X's child 0.2 degrees (13.8 miles) away, Y's 0.15 (10.4 miles): Y's is nearer.
		const yNearer = whatIf(prepareAnalysis(input([child('x', 'X', 52.7), child('y', 'Y', 53.05)])), proposal);
		expect(gainedByLa(yNearer)).toEqual({ X: 0, Y: 1 });
		const xNearer = whatIf(
			prepareAnalysis(input([child('y', 'Y', 53.05), child('x', 'X', 52.85)])),
			proposal
		);
		expect(gainedByLa(xNearer)).toEqual({ X: 1, Y: 0 });
	});

	it('gives the place to the child first in the input when two are as near', () => {
		const proposal = [add('p', 52.9)];
		const xFirst = whatIf(prepareAnalysis(input([child('x', 'X', 52.8), child('y', 'Y', 52.8)])), proposal);
		expect(gainedByLa(xFirst)).toEqual({ X: 1, Y: 0 });
		const yFirst = whatIf(prepareAnalysis(input([child('y', 'Y', 52.8), child('x', 'X', 52.8)])), proposal);
		expect(gainedByLa(yFirst)).toEqual({ X: 0, Y: 1 });
	});

	it('reports the children matched to each of several proposals', () => {
		const context = prepareAnalysis(
			input([child('a', 'X', 52.2), child('b', 'Y', 53.6), child('c', 'Y', 53.7)])
		);
		const result = whatIf(context, [add('south', 52.2), add('north', 53.65, 3)]);
		expect(result.byProposal).toEqual([
			{ id: 'south', children: 1, places: 1 },
			{ id: 'north', children: 2, places: 3 }
		]);
		expect(result.region).toMatchObject({ couldLiveWithin20Before: 0, couldLiveWithin20After: 3, gained: 3 });
	});

	it('moves a child from an earlier proposal to a later one when that frees a place for another', () => {
		// "first" reaches a (0.05 degrees) and b (0.25); "second" reaches a only. Both are placed only if a
		// moves to "second" and b takes "first".
		const context = prepareAnalysis(input([child('a', 'X', 52.5), child('b', 'Y', 52.3)]));
		const result = whatIf(context, [add('first', 52.55), add('second', 52.75)]);
		expect(result.region.gained).toBe(2);
		expect(result.byProposal.map((p) => p.children)).toEqual([1, 1]);
	});

	it('frees the children of a removed home for the places left, and leaves the context as it was', () => {
		// H has 2 vacancies within reach of a and b; H2 has 1, within reach of b only.
		const homes = [home('H', 52.5, 2), home('H2', 52.05, 1)];
		const children = [child('a', 'X', 52.6), child('b', 'X', 52.25)];
		const context = prepareAnalysis(input(children, homes));
		const removed = whatIf(context, [{ action: 'remove', urn: 'H' }]);
		expect(removed.region).toMatchObject({
			couldLiveWithin20Before: 2,
			couldLiveWithin20After: 1,
			gained: -1
		});
		const removedSecond = whatIf(context, [{ action: 'remove', urn: 'H2' }]);
		expect(removedSecond.region).toMatchObject({ couldLiveWithin20Before: 2, couldLiveWithin20After: 2 });
		const again = whatIf(context, [{ action: 'remove', urn: 'H' }]);
		const { milliseconds: _a, ...first } = removed;
		const { milliseconds: _b, ...third } = again;
		expect(third).toEqual(first);
	});

	it('matches needs past the first 32 of the vocabulary, for moved and added homes', () => {
		const many = Array.from({ length: 40 }, (_, i) => `need-${i}`);
		// The first child brings the whole vocabulary (no placement: not demand); c is the fourth child.
		const children = [
			{ ...child('vocabulary', 'Y', 53.5, many), placement: null },
			child('o1', 'Y', 53.9),
			child('o2', 'Y', 53.9),
			child('c', 'X', 52.5, ['need-37'])
		];
		const homes = [home('far-0', 51.1, 1), home('far-1', 51.2, 1, ['need-37']), home('far-2', 51.3, 1)];
		const context = prepareAnalysis(input(children, homes));
		const moved = whatIf(context, [{ action: 'move', urn: 'far-1', location: [LON, 52.6] }]);
		expect(gainedByLa(moved)).toEqual({ X: 1, Y: 0 });
		const wrongMove = whatIf(context, [{ action: 'move', urn: 'far-2', location: [LON, 52.6] }]);
		expect(gainedByLa(wrongMove)).toEqual({ X: 0, Y: 0 });
		const added = whatIf(context, [add('p', 52.6, 1, { needs: ['need-37'] })]);
		expect(gainedByLa(added)).toEqual({ X: 1, Y: 0 });
		const addedOther = whatIf(context, [add('p', 52.6, 1, { needs: ['need-36'] })]);
		expect(gainedByLa(addedOther)).toEqual({ X: 0, Y: 0 });
	});

	it('lets a proposed foster family without needs take any child, unlike a home without needs', () => {
		const context = prepareAnalysis(
			input([{ ...child('c', 'X', 52.5, ['autism']), placementType: 'foster' }])
		);
		const foster = (needs?: string[]): Proposal => ({
			action: 'add',
			id: 'carers',
			kind: 'fostering',
			location: [LON, 52.6],
			places: 1,
			...(needs ? { needs } : {})
		});
		expect(whatIf(context, [foster()]).region.gained).toBe(1);
		expect(whatIf(context, [foster(['mobility'])]).region.gained).toBe(0);
		expect(whatIf(context, [foster(['autism'])]).region.gained).toBe(1);
		const homeContext = prepareAnalysis(input([child('c', 'X', 52.5, ['autism'])]));
		expect(whatIf(homeContext, [add('p', 52.6)]).region.gained).toBe(0);
	});

	it('reports the region asked for, its LAs with children only, and refuses an RCC not in the input', () => {
		const context = prepareAnalysis(input([child('a', 'X', 52.5), child('b', 'Y', 53.5)]));
		const proposals = [add('p', 53.6)];
		const north = whatIf(context, proposals, { rccId: 'north' });
		expect(north.region).toMatchObject({ code: 'north', children: 1, gained: 1 });
		expect(north.las.map((la) => la.code)).toEqual(['Y']);
		const all = whatIf(context, proposals, { rccId: 'all' });
		expect(all.region).toMatchObject({ code: 'all', children: 2, gained: 1 });
		expect(all.las.map((la) => la.code)).toEqual(['X', 'Y']);
		expect(() => whatIf(context, proposals, { rccId: 'nowhere' })).toThrow(
			'No RCC nowhere in the prepared input'
		);
	});

	it('reports how long it took: no more than the time around the call', () => {
		const context = prepareAnalysis(input([child('a', 'X', 52.5)]));
		const before = performance.now();
		const { milliseconds } = whatIf(context, [add('p', 52.6)]);
		const around = performance.now() - before;
		expect(milliseconds).toBeGreaterThanOrEqual(0);
		expect(milliseconds).toBeLessThanOrEqual(around);
	});
});
