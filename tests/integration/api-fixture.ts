import type postgres from 'postgres';
import type { Polygon } from 'geojson';
import type { CurrentUser } from '../../src/lib/domain/types';

/**
 * A small world for the map data API, independent of the demo: LAs as 0.5-degree squares in a row
 * (A | B | C, adjacent, around Manchester's latitude) and D far south; RCC `tst` = A + B, RCC `other`
 * (not a demo) = D. Figures the tests expect are worked out beside each row.
 */
export const LA = { A: 'E09900001', B: 'E09900002', C: 'E09900003', D: 'E09900004' } as const;

/** A commissioner of one LA of RCC `tst`. */
export function commissionerOf(laCode: string, laName: string): CurrentUser {
	return {
		id: 1,
		email: `${laCode.toLowerCase()}@example.org`,
		name: `Commissioner of ${laName}`,
		la: null,
		roles: [{ rccId: 'tst', rccName: 'Test RCC', role: 'commissioner', laCode, laName }]
	};
}

/** Region figures of `tst` only. */
export const VIEWER: CurrentUser = {
	id: 2,
	email: 'v@example.org',
	name: 'Viewer',
	la: null,
	roles: [{ rccId: 'tst', rccName: 'Test RCC', role: 'viewer', laCode: null, laName: null }]
};

/** The administrator of `tst`: region figures, what-if too, and no LA's children. */
export const ADMIN: CurrentUser = {
	id: 4,
	email: 'a@example.org',
	name: 'Administrator',
	la: null,
	roles: [{ rccId: 'tst', rccName: 'Test RCC', role: 'rcc_admin', laCode: null, laName: null }]
};

/** A commissioner of Delta, in RCC `other`: no role in `tst`. */
export const OUTSIDER: CurrentUser = {
	id: 3,
	email: 'o@example.org',
	name: 'Outsider',
	la: null,
	roles: [{ rccId: 'other', rccName: 'Another RCC', role: 'commissioner', laCode: LA.D, laName: 'Delta' }]
};

function square(west: number, south: number, size = 0.5): Polygon {
	// Seven decimals on purpose: responses must round them to five.
	const w = west + 0.0000012;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[w, south],
				[w + size, south],
				[w + size, south + size],
				[w, south + size],
				[w, south]
			]
		]
	};
}

export const HOME_A: [number, number] = [-2.25, 53.25];
export const HOME_B: [number, number] = [-1.75, 53.25];

export async function insertFixture(sql: postgres.Sql): Promise<void> {
	await sql`insert into regions ${sql([
		{ code: 'E12000002', name: 'North West', geometry: sql.json(square(-3, 52.5, 2) as never) },
		{ code: 'E12000008', name: 'South East', geometry: sql.json(square(-1, 50.5, 2) as never) }
	])}`;
	const la = (
		code: string,
		name: string,
		west: number,
		south: number,
		population: number,
		published: Record<string, number | null>
	) => ({
		code,
		name,
		dfe_code: null,
		region_code: south > 52 ? 'E12000002' : 'E12000008',
		region_name: south > 52 ? 'North West' : 'South East',
		geometry: sql.json(square(west, south) as never),
		label_lon: west + 0.25,
		label_lat: south + 0.25,
		population_0_17: population,
		published: sql.json(published)
	});
	await sql`insert into las ${sql([
		la(LA.A, 'Alpha', -2.5, 53, 10_000, {
			childrenLookedAfter: 6,
			percentOutsideLa: 33,
			outsideLa: 2,
			percentOver20Miles: null,
			over20Miles: null,
			ofstedHomes: 2,
			ofstedPlaces: 6
		}),
		la(LA.B, 'Beta', -2, 53, 20_000, {
			childrenLookedAfter: 5,
			percentOutsideLa: 0,
			outsideLa: 0,
			percentOver20Miles: 0,
			over20Miles: 0,
			ofstedHomes: 1,
			ofstedPlaces: 3
		}),
		la(LA.C, 'Gamma', -1.5, 53, 8_000, { childrenLookedAfter: 40 }),
		la(LA.D, 'Delta', 0, 51, 30_000, { childrenLookedAfter: 2 })
	])}`;
	await sql`insert into rccs ${sql([
		{ id: 'tst', name: 'Test RCC', is_demo: true },
		{ id: 'other', name: 'Another RCC', is_demo: false }
	])}`;
	await sql`insert into rcc_members ${sql([
		{ rcc_id: 'tst', la_code: LA.A },
		{ rcc_id: 'tst', la_code: LA.B },
		{ rcc_id: 'other', la_code: LA.D }
	])}`;
	const home = (
		urn: string,
		laCode: string,
		lon: number,
		lat: number,
		places: number,
		vacancies: number
	) => ({
		urn,
		la_code: laCode,
		provision_type: "Children's home",
		kind: 'childrens_home',
		sector: 'Private',
		places,
		vacancies,
		owner: `Owner of ${urn}`,
		inspection_date: '2024-11-05',
		grade_overall: 'Good',
		lon,
		lat
	});
	// A: 2 homes, 6 places, 1 vacancy; B: 1 home, 3 places, 1 vacancy; D: outside `tst`.
	await sql`insert into homes ${sql([
		home('SC000001', LA.A, -2.3, 53.3, 4, 1),
		home('SC000002', LA.A, -2.4, 53.1, 2, 0),
		home('SC000003', LA.B, -1.9, 53.25, 3, 1),
		home('SC000004', LA.D, 0.25, 51.25, 5, 5)
	])}`;
	await sql`insert into fostering_capacity ${sql([
		{ la_code: LA.A, households: 10, places: 15, vacancies: 2, source: 'test' },
		{ la_code: LA.C, households: 5, places: 8, vacancies: 1, source: 'test' }
	])}`;
	const child = (
		id: string,
		laCode: string,
		home: [number, number],
		placementType: string,
		placement: { at: [number, number]; la: string; urn?: string } | null
	) => ({
		id,
		la_code: laCode,
		age: 10,
		placement_type: placementType,
		home_lon: home[0],
		home_lat: home[1],
		placement_lon: placement?.at[0] ?? null,
		placement_lat: placement?.at[1] ?? null,
		placement_la_code: placement?.la ?? null,
		placement_urn: placement?.urn ?? null
	});
	// A: 6 children at one spot; 2 placed outside A (a3 in B ~14.5 miles, a4 in D ~150 miles), 1 over 20
	// miles, a5's placement unknown. B: 4 children, all in B near home. D: 2 children.
	await sql`insert into children ${sql([
		child('a1', LA.A, HOME_A, 'foster', { at: [-2.2, 53.2], la: LA.A }),
		child('a2', LA.A, HOME_A, 'childrens_home', { at: [-2.3, 53.3], la: LA.A, urn: 'SC000001' }),
		child('a3', LA.A, HOME_A, 'childrens_home', { at: [-1.9, 53.25], la: LA.B, urn: 'SC000003' }),
		child('a4', LA.A, HOME_A, 'foster', { at: [0.25, 51.25], la: LA.D }),
		child('a5', LA.A, HOME_A, 'secure', null),
		child('a6', LA.A, HOME_A, 'foster', { at: HOME_A, la: LA.A }),
		child('b1', LA.B, HOME_B, 'foster', { at: [-1.7, 53.2], la: LA.B }),
		child('b2', LA.B, HOME_B, 'foster', { at: [-1.7, 53.2], la: LA.B }),
		child('b3', LA.B, HOME_B, 'foster', { at: [-1.7, 53.3], la: LA.B }),
		child('b4', LA.B, HOME_B, 'foster', { at: [-1.8, 53.3], la: LA.B }),
		child('d1', LA.D, [0.2, 51.2], 'foster', { at: [0.3, 51.3], la: LA.D }),
		child('d2', LA.D, [0.2, 51.2], 'foster', { at: [0.3, 51.3], la: LA.D })
	])}`;
}
