import { describe, expect, it } from 'vitest';
import type { RadiusSummary } from '$lib/domain/analysis';
import { suppressRadius, type RadiusReader } from './suppress-radius';

const withheld = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });

function summary(childrenByLa: RadiusSummary['childrenByLa']): RadiusSummary {
	const home = (urn: string, laCode: string, places: number, vacancies: number) => ({
		urn,
		kind: 'childrens_home' as const,
		laCode,
		location: [-2.2, 53.5] as [number, number],
		places,
		vacancies,
		miles: 1
	});
	return {
		center: [-2.2, 53.5],
		radiusMiles: 10,
		homes: [home('H1', 'MEM', 4, 1), home('H2', 'OUT', 3, 2), home('H3', 'OUT', 2, 0)],
		fostering: [{ laCode: 'OUT', location: [-2.1, 53.5], places: 20, vacancies: 3, miles: 4 }],
		homeAreas: [],
		childrenByLa,
		totals: {
			homes: 3,
			places: 9,
			vacancies: 3,
			fosteringPlaces: 20,
			fosteringVacancies: 3,
			children: 0,
			childrenOver20Miles: 0
		}
	};
}

const reader = (known: string[] = []): RadiusReader => ({
	names: new Map([
		['MEM', 'Member'],
		['OUT', 'Outsider']
	]),
	members: new Set(['MEM']),
	known: (code) => known.includes(code)
});

describe('suppressRadius', () => {
	it('adds up homes and fostering per LA and says which lie outside the RCC', () => {
		const result = suppressRadius(summary([]), reader());
		expect(result.coverage).toBe('england');
		expect(result.totals).toEqual({
			homes: 3,
			places: 9,
			vacancies: 3,
			fosteringPlaces: 20,
			fosteringVacancies: 3,
			children: shown(0),
			over20Miles: shown(0)
		});
		expect(result.outsideRcc).toEqual({ homes: 2, places: 5 });
		expect(result.las.map((la) => [la.name, la.member, la.homes, la.fosteringPlaces])).toEqual([
			['Member', true, 1, 0],
			['Outsider', false, 2, 20]
		]);
	});

	it('withholds 1 to 4 children of an LA, and whatever would give them away', () => {
		const result = suppressRadius(
			summary([
				{ laCode: 'MEM', children: 3, over20Miles: 1 },
				{ laCode: 'OUT', children: 12, over20Miles: 6 }
			]),
			reader()
		);
		const [member, outsider] = result.las;
		expect(member.children).toEqual(withheld);
		expect(member.over20Miles).toEqual(withheld);
		// With the total published, Outsider's 12 would give Member's 3 away: withheld too.
		expect(outsider.children).toEqual(withheld);
		expect(result.totals.children).toEqual(shown(15));
		for (const figure of [result.totals.children, result.totals.over20Miles, outsider.over20Miles])
			expect(figure.value === null || figure.value === 0 || figure.value >= 5).toBe(true);
	});

	it('withholds a small total, and shows the reader their own LA in full', () => {
		const small = summary([{ laCode: 'MEM', children: 2, over20Miles: 1 }]);
		expect(suppressRadius(small, reader()).totals.children).toEqual(withheld);
		const own = suppressRadius(small, reader(['MEM']));
		expect(own.las[0].children).toEqual(shown(2));
		expect(own.totals.children).toEqual(shown(2));
		expect(own.totals.over20Miles).toEqual(shown(1));
	});
});
