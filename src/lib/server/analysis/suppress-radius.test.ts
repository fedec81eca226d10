import { describe, expect, it } from 'vitest';
import type { RadiusSummary } from '$lib/domain/analysis';
import type { DemandWithin } from './demand-within';
import { suppressRadius, type RadiusReader } from './suppress-radius';

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
		homeAreas: [{ location: [-2.2, 53.51], children: 3, over20Miles: 1, miles: 0.7 }],
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

const demand: DemandWithin = { cells: 2, children: 14, over20Miles: { atLeast: 5, complete: true } };
const reader = (own: string[] = []): RadiusReader => ({
	names: new Map([
		['MEM', 'Member'],
		['OUT', 'Outsider']
	]),
	members: new Set(['MEM']),
	own
});

describe('suppressRadius', () => {
	it('adds up homes and fostering per LA and says which lie outside the RCC', () => {
		const result = suppressRadius(summary([]), demand, reader());
		expect(result.coverage).toBe('england');
		expect(result.totals).toEqual({
			homes: 3,
			places: 9,
			vacancies: 3,
			fosteringPlaces: 20,
			fosteringVacancies: 3
		});
		expect(result.outsideRcc).toEqual({ homes: 2, places: 5 });
		expect(result.las.map((la) => [la.name, la.member, la.homes, la.fosteringPlaces])).toEqual([
			['Member', true, 1, 0],
			['Outsider', false, 2, 20]
		]);
	});

	it('gives children only as demand hexagons, except the reader’s own LAs', () => {
		const children = summary([
			{ laCode: 'MEM', children: 3, over20Miles: 1 },
			{ laCode: 'OUT', children: 12, over20Miles: 6 }
		]);
		const viewer = suppressRadius(children, demand, reader());
		expect(viewer.demand).toBe(demand);
		expect(viewer.own).toEqual([]);
		// Nothing finer: no home area, and no LA's children.
		expect(JSON.stringify(viewer)).not.toMatch(/53\.51|"children":(3|12)\b/);
		const member = suppressRadius(children, demand, reader(['MEM']));
		expect(member.own).toEqual([{ code: 'MEM', name: 'Member', children: 3, over20Miles: 1 }]);
	});
});

describe('suppressRadius: the per-LA rows', () => {
	it('lists LAs by name, whatever order their homes come in', () => {
		// MEM's home comes first, but its name sorts after OUT's.
		const names = new Map([
			['MEM', 'Wyre'],
			['OUT', 'Bolton']
		]);
		const result = suppressRadius(summary([]), demand, { ...reader(), names });
		expect(result.las.map((la) => la.name)).toEqual(['Bolton', 'Wyre']);
	});
});
