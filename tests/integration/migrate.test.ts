import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

const migrations = readMigrations(path.resolve('migrations'));

describe.each(backends)('migrations on %s', (backend) => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await createTestDatabase(backend);
	});
	afterAll(() => test?.drop());

	it('applies every migration once, in order, and records it', async () => {
		const first = await migrate(test.db, migrations);
		expect(first).toEqual(migrations.map((m) => m.name));
		expect(await migrate(test.db, migrations)).toEqual([]);
		const rows = await test.db.sql`select name from schema_migrations order by version`;
		expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
	});

	it('two instances migrating together do not race', async () => {
		const results = await Promise.all([migrate(test.db, migrations), migrate(test.db, migrations)]);
		expect(results.flat()).toEqual([]);
	});

	it('stops at a migration that refuses, in one line naming it, and writes nothing', async () => {
		const refusing = {
			version: 9998,
			name: '9998_refuses',
			sql: "create table half_done (id int); do $$ begin raise exception 'LA E08000003 is in two RCCs'; end $$;"
		};
		const attempt = migrate(test.db, [...migrations, refusing]);
		await expect(attempt).rejects.toBeInstanceOf(DatabaseOpenError);
		await expect(attempt).rejects.toThrow(
			/^Could not upgrade the database at .*: 9998_refuses stopped: LA E08000003 is in two RCCs\. Nothing was changed\.$/
		);
		const [table] = await test.db.sql`select to_regclass('half_done') as name`;
		expect(table.name).toBeNull();
		const recorded = await test.db.sql`select 1 from schema_migrations where version = 9998`;
		expect(recorded).toHaveLength(0);
	});

	it('refuses a database whose schema is newer than the app', async () => {
		await test.db.sql`insert into schema_migrations (version, name) values (9999, '9999_from_the_future')`;
		await expect(migrate(test.db, migrations)).rejects.toThrow(/newer schema \(9999_from_the_future\)/);
		await test.db.sql`delete from schema_migrations where version = 9999`;
	});
});
