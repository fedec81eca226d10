import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES } from '../../../../tests/fixtures/analysis/random-input';
import { prepareAnalysis } from './prepare-analysis';
import { summariseDistances } from './summarise-distances';
import type { AnalysisChild, AnalysisInput } from './types';

const child = (id: string, laCode: string, placement: [number, number] | null): AnalysisChild => ({
	id,
	laCode,
	home: [-1.9, 51.1], // in SW
	placement,
	placementType: 'foster',
	age: 10,
	needs: []
});

function input(children: AnalysisChild[]): AnalysisInput {
	return {
		children,
		homes: [],
		fostering: [],
		boundaries: RANDOM_BOUNDARIES,
		rccs: [{ id: 'r', laCodes: ['SW', 'SE'] }]
	};
}

describe('summariseDistances', () => {
	const children = [
		child('a', 'SW', [-1.9, 51.1]), // same place: inside LA, 0-5
		child('b', 'SW', [-1.1, 51.1]), // SE: outside LA, inside RCC, ~35 miles
		child('c', 'SW', [-1.9, 51.9]), // NW: outside LA and RCC, ~55 miles
		child('d', 'SW', null), // unknown
		...Array.from({ length: 6 }, (_, i) => child(`e${i}`, 'SE', [-1.9, 51.1]))
	];

	it('counts per LA, per RCC and for England, with percentages of known placements', () => {
		const summaries = summariseDistances(prepareAnalysis(input(children)));
		const sw = summaries.las.find((la) => la.code === 'SW')!;
		expect(sw).toMatchObject({
			children: 4,
			withPlacementLocation: 3,
			over20Miles: 2,
			outsideLa: 2,
			outsideRcc: 1,
			bands: { '0-5': 1, '5-10': 0, '10-20': 0, '20-50': 1, 'over 50': 1 }
		});
		expect(sw.percentOver20Miles).toBeCloseTo(66.667, 2);
		expect(summaries.rccs[0]).toMatchObject({ code: 'r', children: 10, withPlacementLocation: 9 });
		expect(summaries.england.children).toBe(10);
		expect(summaries.las.map((la) => la.code)).toEqual(['SW', 'SE']);
	});

	it('withholds small counts and every percentage that would reveal one', () => {
		const summaries = summariseDistances(prepareAnalysis(input(children)), {
			suppress: (n) => n >= 1 && n <= 4
		});
		const sw = summaries.las.find((la) => la.code === 'SW')!;
		expect(sw.children).toBeNull();
		expect(sw.over20Miles).toBeNull();
		expect(sw.bands['5-10']).toBe(0);
		expect(sw.percentOver20Miles).toBeNull();
		const se = summaries.las.find((la) => la.code === 'SE')!;
		expect(se.children).toBe(6);
		expect(se.over20Miles).toBe(0);
		// 6 placed, all within 20 miles: 0% reveals nothing small.
		expect(se.percentOver20Miles).toBe(0);
	});
});
