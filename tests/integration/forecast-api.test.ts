import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as costSharingOf } from '../../src/routes/api/rccs/[id=rcc]/cost-sharing.json/+server';
import {
	GET as costSettingsOf,
	PUT as putCostSettings
} from '../../src/routes/api/rccs/[id=rcc]/cost-settings/+server';
import { GET as costsOf } from '../../src/routes/api/rccs/[id=rcc]/costs.json/+server';
import { GET as forecastOf } from '../../src/routes/api/rccs/[id=rcc]/forecast.json/+server';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { CostsJson } from '../../src/lib/server/forecast/rcc-costs';
import type { ForecastJson } from '../../src/lib/server/forecast/rcc-forecast';
import type { CurrentUser, RoleGrant } from '../../src/lib/domain/types';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

/** Real LA codes: the forecast and cost sharing read DfE's published series for them. */
const BOLTON = 'E08000001';
const BURY = 'E08000002';
const WIGAN = 'E08000010';

type Handler = (event: never) => Response | Promise<Response>;

/** The published 31 March counts, starts and ceased of an LA, read from the CSV with plain string work. */
function published(code: string): Map<number, { s: number; e: number; x: number }> {
	const text = fs.readFileSync(
		path.resolve('server/data/stats/dfe_cla_number_and_rate_per_10k_2021_2025.csv'),
		'utf8'
	);
	const byYear = new Map<number, { s: number; e: number; x: number }>();
	for (const line of text.split('\n').slice(1)) {
		const cells = line.split(',');
		if (cells[2] !== 'Local authority' || cells[9] !== code) continue;
		const year = Number(cells[0]);
		const entry = byYear.get(year) ?? { s: NaN, e: NaN, x: NaN };
		const n = Number(cells[12]);
		if (cells[10].startsWith('Children looked after')) entry.s = n;
		if (cells[10].startsWith('Children starting')) entry.e = n;
		if (cells[10].startsWith('Children ceasing')) entry.x = n;
		byYear.set(year, entry);
	}
	return byYear;
}

/**
 * The backtest worked out again, independently of src/lib/domain/forecast: fit 2021-2023 by hand
 * (two transitions), predict 2024 and 2025, and the mean absolute percentage errors.
 */
function independentBacktest(code: string) {
	const y = published(code);
	const [a, b, c] = [y.get(2021)!, y.get(2022)!, y.get(2023)!];
	const entries = (b.e + c.e) / 2;
	const exitRate = (b.x / a.s + c.x / b.s) / 2;
	const other = (b.s - a.s - b.e + b.x + (c.s - b.s - c.e + c.x)) / 2;
	const p2024 = c.s * (1 - exitRate) + entries + other;
	const p2025 = p2024 * (1 - exitRate) + entries + other;
	const ape = (p: number, actual: number) => (Math.abs(p - actual) / actual) * 100;
	const actual = [y.get(2024)!.s, y.get(2025)!.s];
	return {
		predicted: [p2024, p2025],
		mape: (ape(p2024, actual[0]) + ape(p2025, actual[1])) / 2,
		naiveMape: (ape(c.s, actual[0]) + ape(c.s, actual[1])) / 2,
		actual
	};
}

describe.each(backends)('forecast, costs and cost sharing (%s)', (backend) => {
	let test: TestDatabase;
	const users: Record<'viewer' | 'bolton' | 'admin' | 'outsider', CurrentUser> = {} as never;

	function call(
		handler: Handler,
		file: string,
		user: CurrentUser | null,
		options: { id?: string; query?: string; body?: unknown } = {}
	) {
		const id = options.id ?? 'tst';
		const url = `http://localhost/api/rccs/${id}/${file}${options.query ?? ''}`;
		const request =
			options.body === undefined
				? new Request(url)
				: new Request(url, {
						method: 'PUT',
						body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
					});
		return handler({
			params: { id },
			url: new URL(url),
			request,
			getClientAddress: () => '127.0.0.1',
			locals: { runtime: { db: test.db, config: {} }, user }
		} as never);
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		const { sql } = test.db;
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		const square = (west: number) => ({
			type: 'Polygon',
			coordinates: [
				[
					[west, 53],
					[west + 0.2, 53],
					[west + 0.2, 53.2],
					[west, 53.2],
					[west, 53]
				]
			]
		});
		await sql`insert into regions ${sql([{ code: 'E12000002', name: 'North West', geometry: sql.json(square(-3) as never) }])}`;
		await sql`insert into las ${sql(
			[
				[BOLTON, 'Bolton', -2.5],
				[BURY, 'Bury', -2.3],
				[WIGAN, 'Wigan', -2.7]
			].map(([code, name, west]) => ({
				code,
				name,
				region_code: 'E12000002',
				region_name: 'North West',
				geometry: sql.json(square(west as number) as never),
				label_lon: (west as number) + 0.1,
				label_lat: 53.1
			}))
		)}`;
		await sql`insert into rccs ${sql([
			{ id: 'tst', name: 'Test RCC', is_demo: true },
			{ id: 'other', name: 'Another RCC', is_demo: false }
		])}`;
		await sql`insert into rcc_members ${sql([
			{ rcc_id: 'tst', la_code: BOLTON },
			{ rcc_id: 'tst', la_code: BURY },
			{ rcc_id: 'other', la_code: WIGAN }
		])}`;
		const home = (urn: string, laCode: string, sector: string, kind: string) => ({
			urn,
			la_code: laCode,
			provision_type: kind,
			kind,
			sector,
			places: 10,
			lon: -2.4,
			lat: 53.1
		});
		await sql`insert into homes ${sql([
			home('SC100001', BOLTON, 'Private', 'childrens_home'),
			home('SC100002', BURY, 'Local Authority', 'secure')
		])}`;
		// Bolton: 20 fostered, 10 in a private children's home, 3 in a secure home. Bury: 15 fostered, 8 in
		// the private home, 6 secure.
		const children = [
			...Array.from({ length: 20 }, (_, i) => [`bo-f${i}`, BOLTON, 'foster', null]),
			...Array.from({ length: 10 }, (_, i) => [`bo-h${i}`, BOLTON, 'childrens_home', 'SC100001']),
			...Array.from({ length: 3 }, (_, i) => [`bo-s${i}`, BOLTON, 'secure', 'SC100002']),
			...Array.from({ length: 15 }, (_, i) => [`bu-f${i}`, BURY, 'foster', null]),
			...Array.from({ length: 8 }, (_, i) => [`bu-h${i}`, BURY, 'childrens_home', 'SC100001']),
			...Array.from({ length: 6 }, (_, i) => [`bu-s${i}`, BURY, 'secure', 'SC100002'])
		].map(([id, la, type, urn]) => ({
			id,
			la_code: la,
			age: 12,
			placement_type: type,
			home_lon: -2.4,
			home_lat: 53.1,
			placement_urn: urn
		}));
		await sql`insert into children ${sql(children)}`;
		const user = async (key: keyof typeof users, roles: RoleGrant[]) => {
			const [{ id }] = await sql<{ id: number }[]>`
				insert into users (email, name) values (${`${key}@example.org`}, ${key}) returning id`;
			users[key] = { id, email: `${key}@example.org`, name: key, la: null, roles };
		};
		const grant = (rccId: string, role: RoleGrant['role'], laCode: string | null = null): RoleGrant => ({
			rccId,
			rccName: rccId,
			role,
			laCode,
			laName: laCode
		});
		await user('viewer', [grant('tst', 'viewer')]);
		await user('bolton', [grant('tst', 'commissioner', BOLTON)]);
		await user('admin', [grant('tst', 'rcc_admin')]);
		await user('outsider', [grant('other', 'commissioner', WIGAN)]);
	});
	afterAll(() => test?.drop());

	const endpoints: [Handler, string][] = [
		[forecastOf, 'forecast.json'],
		[costsOf, 'costs.json'],
		[costSharingOf, 'cost-sharing.json'],
		[costSettingsOf, 'cost-settings']
	];

	it('answers 401 to anonymous requests, 404 to another RCC and to an RCC that does not exist', async () => {
		for (const [handler, file] of endpoints) {
			const anonymous = await call(handler, file, null);
			expect(anonymous.status, file).toBe(401);
			const outsider = await call(handler, file, users.outsider);
			expect(outsider.status, file).toBe(404);
			expect(await outsider.json()).toEqual({ message: 'There is no RCC "tst".' });
			expect((await call(handler, file, users.viewer, { id: 'nope' })).status, file).toBe(404);
			expect((await call(handler, file, users.viewer, { id: 'other' })).status, file).toBe(404);
		}
	});

	it('forecast.json: the observed series, the forecast with its band, the backtest beside the naive one', async () => {
		const response = await call(forecastOf, 'forecast.json', users.viewer);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const body = (await response.json()) as ForecastJson;
		expect(body.las.map((la) => la.code)).toEqual([BOLTON, BURY]);
		for (const la of body.las) {
			const expected = independentBacktest(la.code);
			expect(la.observed.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
			expect(la.observed.at(-1)!.lookedAfter).toBe(published(la.code).get(2025)!.s);
			// The reported errors, reproduced.
			expect(la.backtest.fitYears).toEqual([2021, 2022, 2023]);
			expect(la.backtest.years.map((y) => y.actual)).toEqual(expected.actual);
			expect(la.backtest.years[0].predicted).toBeCloseTo(expected.predicted[0], 1);
			expect(la.backtest.years[1].predicted).toBeCloseTo(expected.predicted[1], 1);
			expect(la.backtest.mape).toBeCloseTo(expected.mape, 2);
			expect(la.backtest.naiveMape).toBeCloseTo(expected.naiveMape, 2);
			expect(la.backtest.modelBeatsNaive).toBe(expected.mape < expected.naiveMape);
			expect(la.method).toBe(expected.mape < expected.naiveMape ? 'stock-and-flow' : 'naive');
			expect(la.forecast.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
			for (const year of la.forecast) {
				expect(year.lower).toBeLessThanOrEqual(year.value);
				expect(year.upper).toBeGreaterThanOrEqual(year.value);
				expect(year.upper).toBeGreaterThan(year.lower);
			}
			expect(la.forecast[4].upper - la.forecast[4].lower).toBeGreaterThan(
				la.forecast[0].upper - la.forecast[0].lower
			);
			expect(la.forecast[0].byPlacement.foster!.value).toBeGreaterThan(0);
			expect(la.forecast[0].byAge['10_to_15']!.value).toBeGreaterThan(0);
		}
		// The region is the members' sum, forecast as one series.
		const sum = (year: number) =>
			body.las.reduce((s, la) => s + la.observed.find((y) => y.year === year)!.lookedAfter!, 0);
		expect(body.region.observed.map((y) => y.lookedAfter)).toEqual([2021, 2022, 2023, 2024, 2025].map(sum));
		expect(body.region.incomplete).toEqual([]);
		expect(body.region.backtest.naiveMape).toBeGreaterThan(0);
	});

	it('forecast.json: the same for a commissioner (public statistics), and ?horizon is checked', async () => {
		const viewer = await (await call(forecastOf, 'forecast.json', users.viewer)).json();
		const commissioner = await (await call(forecastOf, 'forecast.json', users.bolton)).json();
		expect(commissioner).toEqual(viewer);
		const two = (await (
			await call(forecastOf, 'forecast.json', users.viewer, { query: '?horizon=2' })
		).json()) as ForecastJson;
		expect(two.las[0].forecast).toHaveLength(2);
		for (const bad of ['0', '6', '1.5', 'x', '']) {
			const response = await call(forecastOf, 'forecast.json', users.viewer, { query: `?horizon=${bad}` });
			expect(response.status, bad).toBe(400);
			expect((await response.json()).message).toMatch(/horizon must be a whole number of years from 1 to 5/);
		}
	});

	it('costs.json: a viewer sees no LA count of 1-4, nor a spend that gives one away', async () => {
		const body = (await (await call(costsOf, 'costs.json', users.viewer)).json()) as CostsJson;
		const bolton = body.las.find((la) => la.code === BOLTON)!;
		const secure = bolton.groups.find((g) => g.placementType === 'secure')!;
		expect(secure.placements).toEqual({ value: null, suppressed: true });
		expect(secure.weeklySpend).toBeNull();
		// Bolton's spend would give the withheld count away (spend - the shown groups' = 3 x £7,500).
		expect(bolton.weeklySpend).toBeNull();
		expect(bolton.annualSpend).toBeNull();
		for (const la of body.las)
			for (const group of la.groups)
				if (!group.placements.suppressed)
					expect(group.placements.value === 0 || group.placements.value! >= 5).toBe(true);
		// The region: 35 fostered, 18 in the children's home, 9 secure: 62 placements, none small.
		expect(body.region.placements.value).toBe(62);
		expect(body.region.weeklySpend).toBe(35 * 820 + 18 * 3830 + 9 * 7500);
		expect(body.region.annualSpend).toBe(body.region.weeklySpend! * 52);
		// Sorted, placements 0-34 cost £820, 35-52 £3,830, 53-61 £7,500: Q1 (the 15.25th) and the median
		// (30.5th) £820, Q3 (45.75th) £3,830; fence 3,830 + 1.5 x 3,010 = 8,345, above the secure cost.
		expect(body.distribution).toEqual({ q1: 820, median: 820, q3: 3830, upperFence: 8345 });
		expect(body.groups.map((g) => g.outlier)).toEqual([false, false, false]);
		expect(body.unitCosts.find((c) => c.placementType === 'childrens_home')!.source).toMatch(
			/Competition and Markets Authority/
		);
	});

	it("costs.json: a commissioner sees their own LA's figures in full", async () => {
		const body = (await (await call(costsOf, 'costs.json', users.bolton)).json()) as CostsJson;
		const bolton = body.las.find((la) => la.code === BOLTON)!;
		expect(bolton.placements.value).toBe(33);
		expect(bolton.groups.find((g) => g.placementType === 'secure')!.weeklySpend).toBe(3 * 7500);
		expect(bolton.weeklySpend).toBe(20 * 820 + 10 * 3830 + 3 * 7500);
	});

	it('costs.json and cost-sharing.json: England as a whole has none', async () => {
		expect((await call(costsOf, 'costs.json', users.viewer, { id: 'england' })).status).toBe(404);
		expect((await call(costSharingOf, 'cost-sharing.json', users.viewer, { id: 'england' })).status).toBe(
			404
		);
	});

	it('cost-sharing.json: banded by three-year average, proportional and equal adding up to the budget', async () => {
		const banded = await (await call(costSharingOf, 'cost-sharing.json', users.viewer)).json();
		const average = (code: string) => {
			const y = published(code);
			return (y.get(2023)!.s + y.get(2024)!.s + y.get(2025)!.s) / 3;
		};
		expect(banded.formula).toBe('banded');
		expect(banded.years).toEqual([2023, 2024, 2025]);
		expect(
			banded.contributions.map((c: { code: string; threeYearAverage: number }) => [
				c.code,
				c.threeYearAverage
			])
		).toEqual([
			[BOLTON, Math.round(average(BOLTON) * 10) / 10],
			[BURY, Math.round(average(BURY) * 10) / 10]
		]);
		// Both averages fall in 300-600: £100,000 each.
		expect(banded.contributions.map((c: { contribution: number }) => c.contribution)).toEqual([
			100_000, 100_000
		]);
		expect(banded.contributions[0].band).toEqual({ from: 300, to: 600, amount: 100_000 });
		expect(banded.total).toBe(200_000);
		expect(banded.budget).toBe(2_000_000);
		expect(banded.difference).toBe(-1_800_000);
		const proportional = await (
			await call(costSharingOf, 'cost-sharing.json', users.viewer, { query: '?formula=proportional' })
		).json();
		expect(proportional.total).toBe(2_000_000);
		expect(proportional.contributions[0].contribution).toBe(
			Math.round((2_000_000 * average(BOLTON)) / (average(BOLTON) + average(BURY)))
		);
		const equal = await (
			await call(costSharingOf, 'cost-sharing.json', users.viewer, { query: '?formula=equal' })
		).json();
		expect(equal.contributions.map((c: { contribution: number }) => c.contribution)).toEqual([
			1_000_000, 1_000_000
		]);
		const bad = await call(costSharingOf, 'cost-sharing.json', users.viewer, { query: '?formula=fair' });
		expect(bad.status).toBe(400);
		expect((await bad.json()).message).toBe('formula must be one of banded, proportional, equal.');
	});

	it('cost-sharing.json: the effect of an LA joining or leaving, before it is applied', async () => {
		const join = await (
			await call(costSharingOf, 'cost-sharing.json', users.viewer, { query: `?formula=equal&join=${WIGAN}` })
		).json();
		expect(
			join.change.changes.map((c: { code: string; before: number | null; after: number }) => [
				c.code,
				c.before,
				c.after
			])
		).toEqual([
			[BOLTON, 1_000_000, 666_667],
			[BURY, 1_000_000, 666_667],
			[WIGAN, null, 666_666]
		]);
		expect(join.contributions).toHaveLength(2);
		const leave = await (
			await call(costSharingOf, 'cost-sharing.json', users.viewer, { query: `?formula=equal&leave=${BURY}` })
		).json();
		expect(leave.change.after.contributions.map((c: { code: string }) => c.code)).toEqual([BOLTON]);
		expect(leave.change.changes.find((c: { code: string }) => c.code === BURY).after).toBeNull();
		for (const [query, message] of [
			[`?join=${BOLTON}`, /is a member already/],
			[`?leave=${WIGAN}`, /is not a member/],
			['?join=E99999999', /is not an LA of England/],
			['?join=bolton', /is not an LA code/]
		] as const) {
			const response = await call(costSharingOf, 'cost-sharing.json', users.viewer, { query });
			expect(response.status, query).toBe(400);
			expect((await response.json()).message).toMatch(message);
		}
		// Nothing was applied.
		const after = await (await call(costSharingOf, 'cost-sharing.json', users.viewer)).json();
		expect(after.contributions).toHaveLength(2);
	});

	it("cost-settings: only the RCC's administrator changes them; bad bands change nothing; audited", async () => {
		const bands = [
			{ from: 0, to: 400, amount: 60_000 },
			{ from: 400, to: null, amount: 120_000 }
		];
		for (const user of [users.viewer, users.bolton]) {
			const refused = await call(putCostSettings, 'cost-settings', user, { body: { bands } });
			expect(refused.status).toBe(403);
		}
		expect((await call(putCostSettings, 'cost-settings', null, { body: { bands } })).status).toBe(401);
		expect((await call(putCostSettings, 'cost-settings', users.outsider, { body: { bands } })).status).toBe(
			404
		);
		const gap = await call(putCostSettings, 'cost-settings', users.admin, {
			body: {
				bands: [
					{ from: 0, to: 400, amount: 1 },
					{ from: 401, to: null, amount: 2 }
				],
				budget: 5
			}
		});
		expect(gap.status).toBe(400);
		expect(JSON.stringify(await gap.json())).toMatch(/band 2 must start where band 1 ends/);
		for (const body of ['not json', { budget: -1 }, { budget: 1.5 }, { surprise: 1 }]) {
			expect((await call(putCostSettings, 'cost-settings', users.admin, { body })).status).toBe(400);
		}
		const untouched = await (await call(costSettingsOf, 'cost-settings', users.viewer)).json();
		expect(untouched.defaults).toEqual({ unitCosts: true, bands: true, budget: true });

		const saved = await call(putCostSettings, 'cost-settings', users.admin, {
			body: { bands, budget: 300_000 }
		});
		expect(saved.status).toBe(200);
		expect((await saved.json()).bands).toEqual(bands);
		const banded = await (await call(costSharingOf, 'cost-sharing.json', users.viewer)).json();
		// Bolton's average (over 400) is in the second band now, Bury's (under 400) in the first.
		expect(banded.contributions.map((c: { contribution: number }) => c.contribution)).toEqual([
			120_000, 60_000
		]);
		expect(banded.difference).toBe(180_000 - 300_000);
		const [entry] = await test.db
			.sql`select action, rcc_id, actor_id, subject from audit_log where action = 'costs.changed'`;
		expect(entry).toMatchObject({
			action: 'costs.changed',
			rcc_id: 'tst',
			actor_id: users.admin.id,
			subject: 'bands, budget'
		});
		// Unit costs: a cheaper secure home lowers the region's spend; null puts the default back.
		const costs = (await (await call(costSettingsOf, 'cost-settings', users.viewer)).json()).unitCosts;
		const cheaper = costs.map((c: { placementType: string }) =>
			c.placementType === 'secure' ? { ...c, weekly: 5000 } : c
		);
		expect(
			(await call(putCostSettings, 'cost-settings', users.admin, { body: { unitCosts: cheaper } })).status
		).toBe(200);
		const region = ((await (await call(costsOf, 'costs.json', users.viewer)).json()) as CostsJson).region;
		expect(region.weeklySpend).toBe(35 * 820 + 18 * 3830 + 9 * 5000);
		expect(
			(await call(putCostSettings, 'cost-settings', users.admin, { body: { unitCosts: null, bands: null } }))
				.status
		).toBe(200);
		const reset = await (await call(costSettingsOf, 'cost-settings', users.viewer)).json();
		expect(reset.defaults).toEqual({ unitCosts: true, bands: true, budget: false });
	});
});
