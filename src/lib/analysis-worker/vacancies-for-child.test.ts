import { describe, expect, it } from 'vitest';
import {
	RANDOM_BOUNDARIES,
	SOUTH_WEST_POINT,
	southWestHome
} from '../../../tests/fixtures/analysis/random-input';
import { prepareAnalysis, type AnalysisHome } from '$lib/domain/analysis';
import { vacanciesForChild } from './vacancies-for-child';

const at = SOUTH_WEST_POINT;
const home = (urn: string, lonOffset: number, overrides: Partial<AnalysisHome> = {}) =>
	southWestHome(urn, lonOffset, { places: 4, ...overrides });

describe('vacanciesForChild', () => {
	const context = prepareAnalysis({
		children: [
			{
				id: 'k',
				laCode: 'SW',
				home: at,
				placement: [at[0], at[1] + 0.5],
				placementType: 'childrens_home',
				age: 12,
				needs: ['autism']
			},
			{ id: 'f', laCode: 'SW', home: at, placement: null, placementType: 'foster', age: 3, needs: [] }
		],
		homes: [home('full', 0.001, { vacancies: 0 }), home('second', 0.2), home('first', 0.1)],
		fostering: [
			{ laCode: 'SW', places: 30, vacancies: 2, location: [at[0] + 0.05, at[1]], label: 'South West' }
		],
		boundaries: RANDOM_BOUNDARIES,
		rccs: [{ id: 'rcc', laCodes: ['SW'] }]
	});

	it("gives the child, and each suitable vacancy with the provider's registration, nearest first", () => {
		const found = vacanciesForChild(context, 'k', { k: 5, radiusMiles: 20 });
		expect(found.child).toMatchObject({ id: 'k', home: at, age: 12, needs: ['autism'] });
		expect(found.child.miles).toBeCloseTo(34.5, 0);
		expect(found.radiusMiles).toBe(20);
		expect(found.candidates.map((c) => c.provider)).toEqual([
			{ type: 'home', urn: 'first' },
			{ type: 'home', urn: 'second' }
		]);
		expect(found.candidates[0]).toMatchObject({
			kind: 'childrens_home',
			label: null,
			places: 4,
			vacancies: 1,
			ageMin: 8,
			ageMax: 17,
			needs: ['autism', 'emotional']
		});
	});

	it('names foster carers by their LA and says they take any needs; the radius limits the search', () => {
		const found = vacanciesForChild(context, 'f', { radiusMiles: 5 });
		expect(found.child.miles).toBeNull();
		expect(found.candidates).toHaveLength(1);
		expect(found.candidates[0]).toMatchObject({
			provider: { type: 'fostering', laCode: 'SW' },
			label: 'South West',
			places: 30,
			vacancies: 2,
			needs: null
		});
		expect(vacanciesForChild(context, 'k', { radiusMiles: 4 }).candidates).toEqual([]);
	});
});
