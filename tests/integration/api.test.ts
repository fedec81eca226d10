import path from 'node:path';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRccs } from '../../src/routes/api/rccs/+server';
import { GET as summaryOf } from '../../src/routes/api/rccs/[id=rcc]/summary/+server';
import { GET as boundariesOf } from '../../src/routes/api/rccs/[id=rcc]/boundaries.geojson/+server';
import { GET as homesOf } from '../../src/routes/api/rccs/[id=rcc]/homes.geojson/+server';
import { GET as hotspotsOf } from '../../src/routes/api/rccs/[id=rcc]/hotspots.geojson/+server';
import { GET as placementsOf } from '../../src/routes/api/rccs/[id=rcc]/placements.geojson/+server';
import { GET as regionsGeojson } from '../../src/routes/api/regions.geojson/+server';
import { fallback as unknownApiPath } from '../../src/routes/api/[...path]/+server';
import { match as rccMatcher } from '../../src/params/rcc';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { CurrentUser, RccListing, RccSummary } from '../../src/lib/domain/types';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { commissionerOf, HOME_A, insertFixture, LA, VIEWER } from './api-fixture';

// Handlers are called directly with the little of the event they read, as a user who may see what this
// suite asserts: commissioner of both test LAs and a viewer of the other RCC. What each role receives is
// asserted by access-matrix.test.ts.
const USER: CurrentUser = {
	id: 1,
	email: 'tester@example.org',
	name: 'Tester',
	la: null,
	roles: [
		{ rccId: 'tst', rccName: 'Test RCC', role: 'commissioner', laCode: LA.A, laName: 'Alpha' },
		{ rccId: 'tst', rccName: 'Test RCC', role: 'commissioner', laCode: LA.B, laName: 'Beta' },
		{ rccId: 'other', rccName: 'Other RCC', role: 'viewer', laCode: null, laName: null }
	]
};
type Handler = (event: never) => Response | Promise<Response>;

function coordinatesOf(value: unknown): number[] {
	return Array.isArray(value) ? value.flatMap(coordinatesOf) : typeof value === 'number' ? [value] : [];
}

describe.each(backends)('map data API on %s', (backend) => {
	let test: TestDatabase;

	async function call(
		handler: Handler,
		pathname: string,
		params: Record<string, string> = {},
		user: CurrentUser = USER
	) {
		const event = {
			params,
			url: new URL(`http://localhost${pathname}`),
			locals: { runtime: { db: test.db, config: {} }, user }
		};
		return handler(event as never);
	}

	async function geojson<G extends Point | Polygon | LineString>(handler: Handler, id: string, file: string) {
		const response = await call(handler, `/api/rccs/${id}/${file}`, { id });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		// Which one, endpoint by endpoint: http-privacy.test.ts.
		expect(response.headers.get('cache-control')).toMatch(/^private, no-(store|cache)$/);
		const body = (await response.json()) as FeatureCollection<G>;
		expect(body.type).toBe('FeatureCollection');
		body.features.forEach((feature, i) => expect(feature.id).toBe(i));
		for (const n of coordinatesOf(body.features.map((f) => f.geometry.coordinates))) {
			expect(Math.round(n * 1e5) / 1e5).toBe(n);
		}
		return body.features as Feature<G, Record<string, unknown>>[];
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
	});
	afterAll(() => test?.drop());

	it('lists the demo RCCs, then the others, then England, with headline figures', async () => {
		const response = await call(listRccs, '/api/rccs');
		expect(response.status).toBe(200);
		const listings = (await response.json()) as RccListing[];
		expect(listings.map((r) => r.id)).toEqual(['tst', 'other', 'england']);
		expect(listings[0]).toEqual({
			id: 'tst',
			name: 'Test RCC',
			isDemo: true,
			laCount: 2,
			headline: {
				childrenLookedAfter: 10,
				percentOver20Miles: 10,
				homes: 3,
				places: 9,
				published: { childrenLookedAfter: 11, percentOver20Miles: null }
			}
		});
		const england = listings[2];
		expect(england).toMatchObject({ name: 'England', isDemo: false, laCount: 4 });
		// Gamma holds no child records: no national count pretends to be complete; DfE's stands beside it.
		expect(england.headline).toMatchObject({
			childrenLookedAfter: null,
			percentOver20Miles: null,
			homes: 4,
			places: 14
		});
		expect(england.headline.published.childrenLookedAfter).toEqual(expect.any(Number));
	});

	it('summarises an RCC per member LA and for the region beside the published figures', async () => {
		const response = await call(summaryOf, '/api/rccs/tst/summary', { id: 'tst' });
		expect(response.status).toBe(200);
		const summary = (await response.json()) as RccSummary;
		expect(summary.rcc).toEqual({ id: 'tst', name: 'Test RCC', isDemo: true });
		expect(summary.sources.length).toBeGreaterThan(0);
		expect(summary.las.map((la) => la.code)).toEqual([LA.A, LA.B]);
		const [alpha, beta] = summary.las;
		expect(alpha).toEqual({
			code: LA.A,
			name: 'Alpha',
			childrenLookedAfter: { computed: 6, published: 6 },
			percentOutsideLa: { computed: 33.3, published: 33 },
			percentOver20Miles: { computed: 16.7, published: null },
			homes: { computed: 2, published: 2 },
			places: { computed: 6, published: 6 },
			vacancies: { computed: 1, published: null },
			fosteringPlaces: { computed: 15, published: null }
		});
		expect(beta.childrenLookedAfter).toEqual({ computed: 4, published: 5 });
		expect(beta.percentOver20Miles).toEqual({ computed: 0, published: 0 });
		expect(beta.fosteringPlaces).toEqual({ computed: null, published: null });
		expect(summary.region).toEqual({
			code: 'tst',
			name: 'Test RCC',
			childrenLookedAfter: { computed: 10, published: 11 },
			percentOutsideLa: { computed: 20, published: 18.2 },
			percentOver20Miles: { computed: 10, published: null },
			homes: { computed: 3, published: 3 },
			places: { computed: 9, published: 9 },
			vacancies: { computed: 2, published: null },
			fosteringPlaces: { computed: 15, published: null }
		});
	});

	it('summarises England as every LA, an LA without child records shown as not held', async () => {
		const response = await call(summaryOf, '/api/rccs/england/summary', { id: 'england' });
		const summary = (await response.json()) as RccSummary;
		expect(summary.las.map((la) => la.name)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
		const gamma = summary.las[3];
		expect(gamma.childrenLookedAfter).toEqual({ computed: null, published: 40 });
		expect(gamma.percentOutsideLa.computed).toBeNull();
		expect(gamma.fosteringPlaces.computed).toBe(8);
		expect(summary.region.childrenLookedAfter).toEqual({ computed: null, published: 53 });
		expect(summary.region.homes.computed).toBe(4);
	});

	it('serves the homes located in member LAs, with their properties', async () => {
		const homes = await geojson<Point>(homesOf, 'tst', 'homes.geojson');
		expect(homes.map((h) => h.properties.urn)).toEqual(['SC000001', 'SC000002', 'SC000003']);
		expect(homes[0].geometry).toEqual({ type: 'Point', coordinates: [-2.3, 53.3] });
		expect(homes[0].properties).toEqual({
			urn: 'SC000001',
			laCode: LA.A,
			laName: 'Alpha',
			provisionType: "Children's home",
			kind: 'childrens_home',
			sector: 'Private',
			places: 4,
			vacancies: 1,
			owner: 'Owner of SC000001',
			gradeOverall: 'Good',
			inspectionDate: '2024-11-05',
			approximate: true
		});
		// England is aggregates only: no home locations.
		expect((await call(homesOf, '/api/rccs/england/homes.geojson', { id: 'england' })).status).toBe(403);
	});

	it('serves member LA boundaries and their neighbours for context, with fostering rates', async () => {
		const las = await geojson<Polygon>(boundariesOf, 'tst', 'boundaries.geojson');
		// Gamma touches Beta; Delta is 2 degrees away.
		expect(las.map((la) => [la.properties.code, la.properties.member])).toEqual([
			[LA.A, true],
			[LA.B, true],
			[LA.C, false]
		]);
		const [alpha, , gamma] = las;
		expect(alpha.properties).toEqual({
			code: LA.A,
			name: 'Alpha',
			member: true,
			regionName: 'North West',
			population0to17: 10_000,
			childrenLookedAfter: 6,
			fosteringHouseholds: 10,
			fosteringPlaces: 15,
			fosteringVacancies: 2,
			fosteringPlacesPer10k: 15,
			fosteringVacanciesPer10k: 2,
			labelLon: -2.25,
			labelLat: 53.25
		});
		expect(alpha.geometry.coordinates[0][0]).toEqual([-2.5, 53]);
		expect(gamma.properties).toMatchObject({
			childrenLookedAfter: null,
			fosteringPlaces: 8,
			fosteringPlacesPer10k: 10
		});
		expect(las[1].properties).toMatchObject({ fosteringPlaces: null, fosteringPlacesPer10k: null });
	});

	it('draws hotspots only where 5 or more children live, withholding small counts', async () => {
		const cells = await geojson<Polygon>(hotspotsOf, 'tst', 'hotspots.geojson');
		// Alpha's 6 children share one cell; Beta's 4 are left out. Their 1 over 20 miles is Alpha's own
		// child to this commissioner of Alpha (the cell holds no one else's), withheld from a viewer.
		expect(cells).toHaveLength(1);
		expect(cells[0].properties).toMatchObject({ children: 6, over20Miles: 1 });
		const viewed = await call(hotspotsOf, '/api/rccs/tst/hotspots.geojson', { id: 'tst' }, VIEWER);
		const viewedCells = ((await viewed.json()) as FeatureCollection<Polygon>).features;
		expect(viewedCells.map((c) => c.properties)).toMatchObject([{ children: 6, over20Miles: null }]);
		expect(cells[0].properties.h3).toMatch(/^86/);
		const ring = cells[0].geometry.coordinates[0];
		expect(ring).toHaveLength(7);
		expect(Math.abs(ring[0][0] - HOME_A[0])).toBeLessThan(0.1);
		const national = await geojson<Polygon>(hotspotsOf, 'england', 'hotspots.geojson');
		expect(national.map((c) => c.properties.children)).toEqual([6]);
		expect(national[0].properties.h3).toMatch(/^85/);
	});

	it('never draws a hotspot whose total less a commissioner’s own children is another LA’s 1-4', async () => {
		// Far from the fixture's children: Alpha's 5 and Beta's 2 in one hexagon.
		const spot: [number, number] = [-2.4, 52.6];
		const { sql } = test.db;
		const ids = [...Array.from({ length: 5 }, (_, i) => [`hs${i}`, LA.A]), ['hb0', LA.B], ['hb1', LA.B]];
		await sql`insert into children ${sql(
			ids.map(([id, la]) => ({
				id,
				la_code: la,
				age: 12,
				placement_type: 'foster',
				home_lon: spot[0],
				home_lat: spot[1],
				placement_lon: spot[0],
				placement_lat: spot[1] + 0.05,
				placement_la_code: la
			}))
		)}`;
		try {
			const near = (cells: Feature<Polygon>[]) =>
				cells.filter((c) => Math.abs(c.geometry.coordinates[0][0][1] - spot[1]) < 0.1);
			const hexagons = async (user: CurrentUser) => {
				const response = await call(hotspotsOf, '/api/rccs/tst/hotspots.geojson', { id: 'tst' }, user);
				return near(((await response.json()) as FeatureCollection<Polygon>).features);
			};
			// A viewer sees 7 children there; Alpha's commissioner, who holds Alpha's 5 records, would
			// learn Beta's 2 from 7 - 5, so the hexagon is not drawn for them.
			expect((await hexagons(VIEWER)).map((c) => c.properties!.children)).toEqual([7]);
			expect(await hexagons(commissionerOf(LA.A, 'Alpha'))).toEqual([]);
		} finally {
			await sql`delete from children where id in ${sql(ids.map(([id]) => id))}`;
		}
	});

	it('draws a line from each child’s home to a known placement', async () => {
		const lines = await geojson<LineString>(placementsOf, 'tst', 'placements.geojson');
		expect(lines.map((l) => l.properties.childId)).toEqual([
			'a1',
			'a2',
			'a3',
			'a4',
			'a6',
			'b1',
			'b2',
			'b3',
			'b4'
		]);
		const byId = new Map(lines.map((l) => [l.properties.childId, l]));
		expect(byId.get('a4')?.geometry.coordinates).toEqual([HOME_A, [0.25, 51.25]]);
		expect(byId.get('a4')?.properties).toMatchObject({
			laCode: LA.A,
			placementType: 'foster',
			placementLaCode: LA.D,
			urn: null,
			outsideLa: true,
			over20Miles: true
		});
		expect(byId.get('a3')?.properties).toMatchObject({
			urn: 'SC000003',
			outsideLa: true,
			over20Miles: false
		});
		expect(byId.get('a3')?.properties.miles).toBeCloseTo(14.5, 0);
		expect(byId.get('a6')?.properties).toMatchObject({ miles: 0, outsideLa: false, over20Miles: false });
	});

	it('serves the regions as the base map', async () => {
		const response = await call(regionsGeojson, '/api/regions.geojson');
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		const body = (await response.json()) as FeatureCollection<Polygon>;
		expect(body.features.map((f) => f.properties)).toEqual([
			{ code: 'E12000002', name: 'North West' },
			{ code: 'E12000008', name: 'South East' }
		]);
		expect(body.features[0].geometry.coordinates[0][0]).toEqual([-3, 52.5]);
	});

	it('credits the sources the data set records, else DfE and Ofsted', async () => {
		const before = (await (
			await call(summaryOf, '/api/rccs/tst/summary', { id: 'tst' })
		).json()) as RccSummary;
		expect(before.sources.join(' ')).toMatch(/Department for Education.*Ofsted/);
		await test.db
			.sql`insert into dataset_meta (key, value) values ('sources', ${test.db.sql.json(['Source A', 'Source B'])})`;
		const after = (await (
			await call(summaryOf, '/api/rccs/tst/summary', { id: 'tst' })
		).json()) as RccSummary;
		expect(after.sources).toEqual(['Source A', 'Source B']);
		await test.db.sql`delete from dataset_meta where key = 'sources'`;
	});

	it('serves an RCC without member LAs (a new one) as empty, not as an error', async () => {
		await test.db.sql`insert into rccs (id, name, is_demo) values ('empty', 'Empty RCC', false)`;
		const admin: CurrentUser = {
			...USER,
			roles: [{ rccId: 'empty', rccName: 'Empty RCC', role: 'rcc_admin', laCode: null, laName: null }]
		};
		try {
			const response = await call(summaryOf, '/api/rccs/empty/summary', { id: 'empty' }, admin);
			expect(response.status).toBe(200);
			const summary = (await response.json()) as RccSummary;
			expect(summary.las).toEqual([]);
			expect(summary.region.homes.computed).toBe(0);
			expect(summary.region.childrenLookedAfter.computed).toBeNull();
			const listing = (await (await call(listRccs, '/api/rccs', {}, admin)).json()) as RccListing[];
			expect(listing.map((r) => [r.id, r.laCount])).toEqual([
				['empty', 0],
				['england', 4]
			]);
			for (const [handler, file] of [
				[boundariesOf, 'boundaries.geojson'],
				[homesOf, 'homes.geojson'],
				[hotspotsOf, 'hotspots.geojson'],
				[placementsOf, 'placements.geojson']
			] as [Handler, string][]) {
				const empty = await call(handler, `/api/rccs/empty/${file}`, { id: 'empty' }, admin);
				expect(empty.status).toBe(200);
				expect(await empty.json()).toEqual({ type: 'FeatureCollection', features: [] });
			}
		} finally {
			await test.db.sql`delete from rccs where id = 'empty'`;
		}
	});

	it.each([
		['summary', summaryOf],
		['boundaries.geojson', boundariesOf],
		['homes.geojson', homesOf],
		['hotspots.geojson', hotspotsOf],
		['placements.geojson', placementsOf]
	] as [string, Handler][])(
		'answers 404 with a JSON message for an unknown RCC (%s)',
		async (file, handler) => {
			const response = await call(handler, `/api/rccs/nope/${file}`, { id: 'nope' });
			expect(response.status).toBe(404);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			expect(await response.json()).toEqual({ message: 'There is no RCC "nope".' });
		}
	);
});

describe('malformed ids and unknown API paths', () => {
	it('the rcc matcher accepts short lower-case slugs only', () => {
		for (const id of ['gm', 'se', 'england', 'south-east-2']) expect(rccMatcher(id)).toBe(true);
		for (const id of ['GM', 'g m', '', 'a'.repeat(41), '../x', 'gm;drop', 'é'])
			expect(rccMatcher(id)).toBe(false);
	});

	it('any other /api path answers 404 JSON', async () => {
		const response = await unknownApiPath({ url: new URL('http://localhost/api/rccs/GM!/summary') } as never);
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ message: 'Nothing at /api/rccs/GM!/summary.' });
	});
});
