import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as radiusOf } from '../../src/routes/api/rccs/[id=rcc]/radius.json/+server';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { CurrentUser } from '../../src/lib/domain/types';
import type { PublicRadius } from '../../src/lib/server/analysis/suppress-radius';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { commissionerOf, insertFixture, LA, OUTSIDER, VIEWER } from './api-fixture';

const COMMISSIONER_A = commissionerOf(LA.A, 'Alpha');
const COMMISSIONER_B = commissionerOf(LA.B, 'Beta');
/**
 * Beta's eastern edge, by Gamma (no member of `tst`): 15 miles reach Beta's home SC000003 (~12.4 mi),
 * Gamma's home SC000005 (~12.4 mi), Gamma's fostering at its centre (~14.6 mi), Beta's 4 children at
 * HOME_B (~6.2 mi) and Gamma's 6 (~8.3 mi); Alpha's homes and children are 27 miles and more away.
 */
const EDGE = 'lon=-1.6&lat=53.25&miles=15';
const SHARED: [number, number] = [-1.6, 52.6];

describe.each(backends)('radius API on %s', (backend) => {
	let test: TestDatabase;

	function call(query: string, user: CurrentUser | null, id = 'tst') {
		const url = `http://localhost/api/rccs/${id}/radius.json?${query}`;
		return radiusOf({
			params: { id },
			url: new URL(url),
			request: new Request(url),
			locals: { runtime: { db: test.db, config: {} }, user }
		} as never);
	}

	async function answer(query: string, user: CurrentUser) {
		const response = await call(query, user);
		expect(response.status).toBe(200);
		return (await response.json()) as PublicRadius;
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		const { sql } = test.db;
		await sql`insert into homes ${sql({
			urn: 'SC000005',
			la_code: LA.C,
			provision_type: "Children's home",
			kind: 'childrens_home',
			sector: 'Private',
			places: 6,
			vacancies: 2,
			owner: 'Owner of SC000005',
			inspection_date: '2024-11-05',
			grade_overall: 'Good',
			lon: -1.3,
			lat: 53.25
		})}`;
		await sql`insert into children ${sql(
			Array.from({ length: 6 }, (_, i) => ({
				id: `c${i}`,
				la_code: LA.C,
				age: 12,
				placement_type: 'foster',
				home_lon: -1.4,
				home_lat: 53.25,
				placement_lon: -1.3,
				placement_lat: 53.3,
				placement_la_code: LA.C
			}))
		)}`;
		// Far from the rest (~45 miles south of EDGE): one hexagon of Beta's 5 and Gamma's 2.
		await sql`insert into children ${sql(
			[...Array.from({ length: 5 }, (_, i) => [`s${i}`, LA.B]), ...[0, 1].map((i) => [`t${i}`, LA.C])].map(
				([id, la]) => ({
					id,
					la_code: la,
					age: 12,
					placement_type: 'foster',
					home_lon: SHARED[0],
					home_lat: SHARED[1],
					placement_lon: SHARED[0] + 0.05,
					placement_lat: SHARED[1],
					placement_la_code: la
				})
			)
		)}`;
	});
	afterAll(() => test?.drop());

	it('answers 401 to anonymous requests and 404 to people outside the RCC, and England to anyone', async () => {
		expect((await call(EDGE, null)).status).toBe(401);
		expect((await call(EDGE, OUTSIDER)).status).toBe(404);
		expect((await call(EDGE, VIEWER, 'nowhere')).status).toBe(404);
		const england = await call(EDGE, OUTSIDER, 'england');
		expect(england.status).toBe(200);
		// Every LA is a member of England: nothing lies outside it.
		expect(((await england.json()) as PublicRadius).outsideRcc).toEqual({ homes: 0, places: 0 });
	});

	it('counts homes and fostering over the region’s border, in a neighbouring non-member LA', async () => {
		const result = await answer(EDGE, VIEWER);
		expect(result.coverage).toBe('england');
		expect(result.center).toEqual([-1.6, 53.25]);
		expect(result.miles).toBe(15);
		expect(result.totals).toMatchObject({
			homes: 2,
			places: 9,
			vacancies: 3,
			fosteringPlaces: 8,
			fosteringVacancies: 1
		});
		expect(result.outsideRcc).toEqual({ homes: 1, places: 6 });
		expect(result.las.map((la) => [la.name, la.member, la.homes, la.fosteringPlaces])).toEqual([
			['Beta', true, 1, 0],
			['Gamma', false, 1, 8]
		]);
	});

	it('counts children only as demand hexagons of 5 or more, and a commissioner’s own in full', async () => {
		// Gamma's 6 make a hexagon; Beta's 4 do not, and are never counted for anyone else.
		const viewer = await answer(EDGE, VIEWER);
		expect(viewer.demand).toEqual({ cells: 1, children: 6, over20Miles: { atLeast: 0, complete: true } });
		expect(viewer.own).toEqual([]);
		expect((await answer(EDGE, COMMISSIONER_A)).own).toEqual([
			{ code: LA.A, name: 'Alpha', children: 0, over20Miles: 0 }
		]);
		const beta = await answer(EDGE, COMMISSIONER_B);
		expect(beta.demand).toEqual(viewer.demand);
		expect(beta.own).toEqual([{ code: LA.B, name: 'Beta', children: 4, over20Miles: 0 }]);
		// No child's or home area's location leaves: only the centre asked for.
		expect(JSON.stringify(viewer)).not.toMatch(/-1\.75|-1\.4\b/);
		// Around Beta's 4 alone: nothing, however small the circle.
		const near = await answer('lon=-1.75&lat=53.25&miles=2', VIEWER);
		expect(near.demand).toEqual({ cells: 0, children: 0, over20Miles: { atLeast: 0, complete: true } });
	});

	it('never lets a commissioner take their own share from a hexagon to find another LA’s 1-4', async () => {
		const around = `lon=${SHARED[0]}&lat=${SHARED[1]}&miles=3`;
		// A viewer learns 7 children there, which is all they learn.
		expect((await answer(around, VIEWER)).demand.children).toBe(7);
		// Beta's commissioner holds Beta's 5 records there: a hexagon of 7 would give Gamma's 2 (7 - 5).
		const beta = await answer(around, COMMISSIONER_B);
		expect(beta.own).toEqual([{ code: LA.B, name: 'Beta', children: 5, over20Miles: 0 }]);
		expect(beta.demand).toEqual({ cells: 0, children: 0, over20Miles: { atLeast: 0, complete: true } });
	});

	it('refuses a missing or bad centre or radius with a clear message', async () => {
		for (const [query, message] of [
			['lat=53&miles=5', /lon is required/],
			['lon=&lat=53&miles=5', /lon is required/],
			['lon=west&lat=53&miles=5', /lon must be a number/],
			['lon=-2&lat=91&miles=5', /lat must be between -90 and 90/],
			['lon=-2&lat=53', /miles is required/],
			['lon=-2&lat=53&miles=0', /miles must be between 1 and 100/],
			['lon=-2&lat=53&miles=150', /miles must be between 1 and 100/]
		] as const) {
			const response = await call(query, VIEWER);
			expect(response.status, query).toBe(400);
			expect(((await response.json()) as { message: string }).message, query).toMatch(message);
		}
	});
});
