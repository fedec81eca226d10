import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load as loadIndex } from '../../src/routes/published/+page.server';
import { load as loadRcc } from '../../src/routes/published/[rccId=rcc]/+page.server';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import * as plans from '../../src/lib/plan/server/plans.server';
import * as publishedVersions from '../../src/lib/plan/server/published-versions.server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { insertFixture } from './api-fixture';

type Load = (event: never) => unknown;

describe.each(backends)('the public index of published strategies on %s', (backend) => {
	let test: TestDatabase;
	const load = async (handler: Load, params: Record<string, string> = {}) =>
		handler({ locals: { runtime: { db: test.db }, user: null }, params, setHeaders: () => {} } as never);

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		await test.db
			.sql`insert into users (id, email, name) overriding system value values (1, 'a@example.org', 'Admin')`;
		const plan = await plans.create(test.db.sql, {
			rccId: 'tst',
			title: 'Published one',
			period: '2026-2029',
			createdBy: 1,
			initialState: new Uint8Array([0, 0])
		});
		await plans.create(test.db.sql, {
			rccId: 'other',
			title: 'A draft nobody published',
			period: null,
			createdBy: 1,
			initialState: new Uint8Array([0, 0])
		});
		await publishedVersions.append(test.db.sql, {
			rccId: 'tst',
			planId: plan.id,
			title: plan.title,
			period: plan.period,
			html: '<h1>Published one</h1>',
			figures: [],
			publishedBy: 1,
			publishedByName: 'Admin'
		});
	});
	afterAll(() => test?.drop());

	it('lists every RCC, anonymously, with its published strategies or none; never drafts or England', async () => {
		const { rccs } = (await load(loadIndex as Load)) as {
			rccs: { id: string; plans: { title: string; version: number }[] }[];
		};
		expect(rccs.map((rcc) => rcc.id).sort()).toEqual(['other', 'tst']);
		expect(rccs.find((rcc) => rcc.id === 'tst')?.plans).toMatchObject([
			{ title: 'Published one', version: 1 }
		]);
		expect(rccs.find((rcc) => rcc.id === 'other')?.plans).toEqual([]);
	});

	it('answers an RCC with nothing published (not a 404), and 404s one that does not exist', async () => {
		expect(await load(loadRcc as Load, { rccId: 'other' })).toMatchObject({ plans: [] });
		expect(await load(loadRcc as Load, { rccId: 'tst' })).toMatchObject({
			plans: [{ title: 'Published one' }]
		});
		await expect(load(loadRcc as Load, { rccId: 'nowhere' })).rejects.toMatchObject({ status: 404 });
		await expect(load(loadRcc as Load, { rccId: 'england' })).rejects.toMatchObject({ status: 404 });
	});
});
