import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { COHORT_GENERATOR_VERSION } from '../../src/lib/domain/cohort/generate-cohort';
import { seedDemo } from '../../src/lib/server/seed/seed-demo';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

const migrations = readMigrations(path.resolve('migrations'));
const TABLES = [
	'regions',
	'las',
	'rccs',
	'rcc_members',
	'homes',
	'fostering_capacity',
	'children',
	'dataset_meta'
];

describe.each(backends)('seedDemo on %s', (backend) => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, migrations);
	});
	afterAll(() => test?.drop());

	const counts = async () => {
		const result: Record<string, number> = {};
		for (const table of TABLES) {
			const [row] = await test.db.sql`select count(*)::int as n from ${test.db.sql(table)}`;
			result[table] = row.n;
		}
		return result;
	};

	it('leaves nothing written when it fails part way', async () => {
		const lines: string[] = [];
		const failing = seedDemo(test.db, {
			log: (line) => {
				lines.push(line);
				if (line.startsWith('Inserting children 1-')) throw new Error('disk full (simulated)');
			}
		});
		await expect(failing).rejects.toThrow('disk full (simulated)');
		expect(lines.some((line) => line.startsWith('Inserting homes'))).toBe(true);
		expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
	});

	it('seeds the demo once, telling its progress, when two instances start together', async () => {
		const first: string[] = [];
		const second: string[] = [];
		await Promise.all([
			seedDemo(test.db, { log: (line) => first.push(line) }),
			seedDemo(test.db, { log: (line) => second.push(line) })
		]);
		const [lines, other] = first.at(-1)!.startsWith('Demo data seeded') ? [first, second] : [second, first];
		expect(other.at(-1)).toMatch(/^Demo data already in the database/);
		expect(other.some((line) => line.startsWith('Inserting'))).toBe(false);
		expect(await counts()).toEqual({
			regions: 9,
			las: 153,
			rccs: 2,
			rcc_members: 29,
			homes: 4009,
			fostering_capacity: 153,
			children: 17_172,
			dataset_meta: 2
		});
		expect(lines[0]).toMatch(/Seeding the demo data/);
		expect(lines.some((line) => /Generating 1280 children for Manchester \(LA \d+ of 29\)/.test(line))).toBe(
			true
		);
		expect(lines.some((line) => /^Inserting children 17001-17172 of 17172/.test(line))).toBe(true);
		expect(lines.at(-1)).toMatch(/^Demo data seeded in \d+\.\d s \(reading /);
	});

	it('stores what the API reads: published figures, demo RCCs, homes and children consistent', async () => {
		const { sql } = test.db;
		const [manchester] = await sql`select name, region_code, published, label_lon, label_lat, population_0_17
			from las where code = 'E08000003'`;
		expect(manchester.name).toBe('Manchester');
		expect(manchester.region_code).toBe('E12000002');
		expect(manchester.published).toMatchObject({
			childrenLookedAfter: 1280,
			percentOutsideLa: 49,
			percentOver20Miles: 8
		});
		expect(manchester.population_0_17).toBeGreaterThan(100_000);
		const [london] = await sql`select count(*)::int as n from las where region_code = 'E12000007'`;
		expect(london.n).toBe(33);
		expect(await sql`select id, name, is_demo from rccs order by id`).toEqual([
			{ id: 'gm', name: 'Greater Manchester (demo grouping)', is_demo: true },
			{ id: 'se', name: 'South East (demo grouping)', is_demo: true }
		]);
		const [homes] = await sql`select sum(places)::int as places, sum(vacancies)::int as vacancies,
			count(*) filter (where kind = 'childrens_home')::int as childrens_homes from homes`;
		expect(homes.places).toBe(15_742);
		expect(homes.childrens_homes).toBe(3946);
		expect(homes.vacancies / homes.places).toBeGreaterThan(0.1);
		expect(homes.vacancies / homes.places).toBeLessThan(0.2);
		const [overfull] = await sql`select count(*)::int as n from homes h
			where h.vacancies + (select count(*) from children c where c.placement_urn = h.urn) > h.places`;
		expect(overfull.n).toBe(0);
		const perLa =
			await sql`select c.la_code, count(*)::int as n, (l.published ->> 'childrenLookedAfter')::int as published
			from children c join las l on l.code = c.la_code group by c.la_code, l.published`;
		expect(perLa).toHaveLength(29);
		expect(perLa.every((row) => row.n === row.published)).toBe(true);
		const [fostering] =
			await sql`select sum(households)::int as households, sum(places)::int as places from fostering_capacity`;
		expect(fostering).toEqual({ households: 42_615, places: 70_465 });
		const [meta] = await sql`select value from dataset_meta where key = 'demo'`;
		expect(meta.value).toMatchObject({
			generatorVersion: COHORT_GENERATOR_VERSION,
			counts: { children: 17_172, homes: 4009, homesSkipped: 0 }
		});
	});

	// How quickly is bench:start's warm start (which runs this check) to measure.
	it('does nothing when the demo is already there', async () => {
		const before = await counts();
		const lines: string[] = [];
		await seedDemo(test.db, { log: (line) => lines.push(line) });
		expect(lines).toEqual([expect.stringMatching(/^Demo data already in the database/)]);
		expect(await counts()).toEqual(before);
	});

	it('refuses to seed over reference data that is not the demo', async () => {
		await test.db.sql`delete from dataset_meta where key = 'demo'`;
		await expect(seedDemo(test.db, { log: () => {} })).rejects.toThrow(
			/already holds 153 LAs but was not seeded as the demo/
		);
		expect((await counts()).children).toBe(17_172);
	});
});
