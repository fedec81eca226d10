import { describe, expect, it } from 'vitest';
import {
	RANDOM_BOUNDARIES,
	SOUTH_WEST_POINT,
	southWestHome
} from '../../../../tests/fixtures/analysis/random-input';
import { nearestSuitableVacancies } from './nearest-suitable-vacancies';
import { prepareAnalysis } from './prepare-analysis';

const at = SOUTH_WEST_POINT;
const home = southWestHome;

describe('nearestSuitableVacancies', () => {
	const context = prepareAnalysis({
		children: [
			{
				id: 'k',
				laCode: 'SW',
				home: at,
				placement: null,
				placementType: 'childrens_home',
				age: 12,
				needs: ['autism']
			}
		],
		homes: [
			home('full', 0.001, { vacancies: 0 }),
			home('too-young', 0.002, { ageMin: 14 }),
			home('wrong-needs', 0.003, { needs: ['emotional'] }),
			home('secure', 0.004, { kind: 'secure' }),
			home('second', 0.02),
			home('first', 0.01),
			home('far', 1.0)
		],
		fostering: [{ laCode: 'SW', places: 10, vacancies: 2, location: [-1.89, 51.1] }],
		boundaries: RANDOM_BOUNDARIES,
		rccs: []
	});
	const urns = (list: ReturnType<typeof nearestSuitableVacancies>) =>
		list.map((match) => (match.provider.type === 'home' ? match.provider.urn : match.provider.laCode));

	it('keeps homes of the right kind, age range and needs, with a vacancy, nearest first', () => {
		expect(urns(nearestSuitableVacancies(context, { childId: 'k' }))).toEqual(['first', 'second']);
	});

	it('honours k and the radius', () => {
		expect(urns(nearestSuitableVacancies(context, { childId: 'k' }, { k: 1 }))).toEqual(['first']);
		expect(urns(nearestSuitableVacancies(context, { childId: 'k' }, { radiusMiles: 100 }))).toEqual([
			'first',
			'second',
			'far'
		]);
		const miles = nearestSuitableVacancies(context, { childId: 'k' }).map((match) => match.miles);
		expect(miles[0]).toBeCloseTo(0.43, 1);
	});

	it('answers for a need described directly, including foster care and needs no home lists', () => {
		const seeker = { location: at, age: 9, needs: [] as string[] };
		expect(urns(nearestSuitableVacancies(context, { ...seeker, placementType: 'foster' }))).toEqual(['SW']);
		expect(urns(nearestSuitableVacancies(context, { ...seeker, kind: 'secure' }))).toEqual(['secure']);
		expect(
			nearestSuitableVacancies(context, { ...seeker, kind: 'childrens_home', needs: ['unheard-of'] })
		).toEqual([]);
		expect(nearestSuitableVacancies(context, { ...seeker, placementType: 'other' })).toEqual([]);
		expect(() => nearestSuitableVacancies(context, { childId: 'nobody' })).toThrow(/No child with id nobody/);
	});
});
