import { describe, expect, it } from 'vitest';
import type { MapData } from '$lib/map/feature-properties';
import { focusOutcome } from './focus-outcome';

const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
const data = {
	regions: collection([]),
	boundaries: collection([{ properties: { code: 'E08000010', name: 'Wigan' } }]),
	homes: collection([{ properties: { urn: '2590934' } }]),
	hotspots: collection([]),
	placements: collection([])
} as unknown as MapData;
const gaps = [{ cell: '851951b7fffffff', rank: 3 }];
const map = { data, restricted: [], gaps, gapsError: null };

describe('focusOutcome', () => {
	it('selects an LA or a home that is on the map', () => {
		expect(focusOutcome({ kind: 'la', code: 'E08000010' }, map)).toEqual({
			kind: 'select',
			selection: { kind: 'la', code: 'E08000010' }
		});
		expect(focusOutcome({ kind: 'home', urn: '2590934' }, map)).toEqual({
			kind: 'select',
			selection: { kind: 'home', urn: '2590934' }
		});
	});

	it('chooses a gap that is among the published gaps', () => {
		expect(focusOutcome({ kind: 'gap', cell: '851951b7fffffff' }, map)).toMatchObject({
			kind: 'gap',
			cell: '851951b7fffffff',
			message: expect.stringContaining('Gap 3')
		});
	});

	it('says why a feature cannot be shown, including when the reader may not see it', () => {
		const problem = (outcome: ReturnType<typeof focusOutcome>) =>
			outcome.kind === 'problem' ? outcome.message : `not a problem: ${outcome.kind}`;
		expect(problem(focusOutcome({ kind: 'la', code: 'E06000035' }, map))).toMatch(
			/E06000035\) is not on this map/
		);
		expect(problem(focusOutcome({ kind: 'home', urn: '1111111' }, map))).toMatch(/may have closed/);
		expect(
			problem(focusOutcome({ kind: 'home', urn: '1111111' }, { ...map, restricted: ['homes'] }))
		).toMatch(/you may not see children's homes/);
		expect(problem(focusOutcome({ kind: 'gap', cell: '85194ad3fffffff' }, map))).toMatch(
			/Fewer than 5 children may be affected there now/
		);
		expect(problem(focusOutcome({ kind: 'gap', cell: '851951b7fffffff' }, { ...map, gaps: null }))).toMatch(
			/per RCC/
		);
		expect(
			problem(
				focusOutcome({ kind: 'gap', cell: '851951b7fffffff' }, { ...map, gaps: null, gapsError: 'Down' })
			)
		).toMatch(/could not be loaded \(Down\)/);
	});
});
