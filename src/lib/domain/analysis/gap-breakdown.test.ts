import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES } from '../../../../tests/fixtures/analysis/random-input';
import { coverageGaps } from './coverage-gaps';
import { gapAgeBand, gapBreakdown } from './gap-breakdown';
import { prepareAnalysis } from './prepare-analysis';
import { whatIf } from './what-if';
import type { PlacementType } from '../types';
import type { AnalysisChild, AnalysisHome } from './types';

const far: [number, number] = [-1.1, 51.9];
const area: [number, number] = [-1.9, 51.05];
const child = (
	id: string,
	laCode: string,
	placementType: PlacementType,
	age: number,
	needs: string[] = []
): AnalysisChild => ({
	id,
	laCode,
	home: [area[0] + Number(id.slice(1)) * 0.001, area[1]],
	placement: far,
	placementType,
	age,
	needs
});
// A children's home with vacancies beside the children: none of them needs one.
const nearby: AnalysisHome = {
	urn: 'H',
	laCode: 'SW',
	kind: 'childrens_home',
	location: [-1.88, 51.06],
	places: 6,
	vacancies: 3,
	ageMin: 8,
	ageMax: 17,
	needs: []
};
const children = [
	...Array.from({ length: 5 }, (_, i) => child(`s${i}`, 'SW', 'supported', 16 + (i % 2), ['mental_health'])),
	child('s5', 'SE', 'supported', 17),
	child('s6', 'SE', 'supported', 16, ['drug_alcohol']),
	child('f7', 'SE', 'foster', 7)
];
const context = prepareAnalysis({
	children,
	homes: [nearby],
	fostering: [],
	boundaries: RANDOM_BOUNDARIES,
	rccs: []
});

describe('gapBreakdown', () => {
	const gaps = coverageGaps(context, { resolution: 6 });
	const [breakdown] = gapBreakdown(context, gaps);

	it('splits a gap by the provision needed, age band and LA, with needs and what is near but unsuitable', () => {
		expect(gaps.ranked[0].children).toBe(8);
		expect(breakdown.cell).toBe(gaps.ranked[0].cell);
		expect(breakdown.groups.map((g) => [g.kind, g.ageBand, g.ageMin, g.ageMax])).toEqual([
			['supported', '16-17', 16, 17],
			['fostering', '5-9', 5, 9]
		]);
		expect(breakdown.byLa).toEqual({ SE: [2, 1], SW: [5, 0] });
		expect(breakdown.groups[0].needsByLa).toEqual({ SW: { mental_health: 5 }, SE: { drug_alcohol: 1 } });
		// The children's home's vacancies are near, but of the wrong kind for every group.
		expect(breakdown.groups.map((g) => g.vacanciesNearby)).toEqual([0, 0]);
	});

	it("counts exactly the gap's children: the group counts add up to the cell's", () => {
		const sum = Object.values(breakdown.byLa)
			.flat()
			.reduce((a, b) => a + b, 0);
		expect(sum).toBe(gaps.ranked[0].children);
	});

	it('describes a home that serves the group: the same home proposed there moves the what-if', () => {
		const location = children[0].home;
		const suited = whatIf(context, [
			{
				action: 'add',
				id: 'p',
				kind: 'supported',
				location,
				places: 7,
				ageMin: 16,
				ageMax: 17,
				needs: ['mental_health', 'drug_alcohol']
			}
		]);
		expect(suited.region.gained).toBe(7);
		const childrensHome = whatIf(context, [
			{ action: 'add', id: 'p', kind: 'childrens_home', location, places: 6 }
		]);
		expect(childrensHome.region.gained).toBe(0);
	});

	it('puts every age in one band', () => {
		expect([0, 1, 4, 9, 15, 16, 17, 18].map((age) => gapAgeBand(age).id)).toEqual([
			'under 1',
			'1-4',
			'1-4',
			'5-9',
			'10-15',
			'16-17',
			'16-17',
			'18 and over'
		]);
	});
});
