import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

/**
 * Migration 0006 makes an LA belong to one RCC at most. A database written before it may hold an LA in
 * two RCCs (issue 11's attack): the upgrade stops and names them, and writes nothing, rather than guess
 * which membership is right.
 */
const all = readMigrations(path.resolve('migrations'));
const before = all.filter((m) => m.version < 6);

describe.each(backends)('migration 0006 on %s', (backend) => {
	let test: TestDatabase | undefined;
	afterEach(async () => {
		await test?.drop();
		test = undefined;
	});

	it('refuses a database holding an LA in two RCCs, naming it, and changes nothing', async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, before);
		await insertFixture(test.db.sql);
		await test.db.sql`insert into rcc_members (rcc_id, la_code) values ('other', ${LA.A})`;
		await expect(migrate(test.db, all)).rejects.toThrow(
			`An LA may belong to one RCC only, but these belong to several: ${LA.A} in other, tst.`
		);
		const [{ n }] = await test.db.sql<{ n: number }[]>`select count(*)::int as n from schema_migrations
			where version >= 6`;
		expect(n).toBe(0);
		// Once a person has decided, the upgrade goes through.
		await test.db.sql`delete from rcc_members where rcc_id = 'other' and la_code = ${LA.A}`;
		expect(await migrate(test.db, all)).toContain('0006_platform_admin');
	});

	it('keeps when each person joined their RCC', async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, before);
		await insertFixture(test.db.sql);
		const [{ id }] = await test.db.sql<{ id: number }[]>`
			insert into users (email, name) values ('early@test.local', 'Early') returning id`;
		await test.db.sql`insert into user_roles (user_id, rcc_id, role, granted_at)
			values (${id}, 'tst', 'viewer', '2025-01-02T03:04:05Z')`;
		await migrate(test.db, all);
		const [role] = await test.db.sql`select added_at, name from user_roles where user_id = ${id}`;
		expect(role).toEqual({ added_at: new Date('2025-01-02T03:04:05Z'), name: null });
	});
});
