import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

describe('the embedded database (on embedded)', () => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await createTestDatabase('embedded');
	});
	afterAll(() => test?.drop());

	it('keeps its shared buffers small, as they stay resident in the server process', async () => {
		const [row] = await test.db.sql<{ shared_buffers: string }[]>`show shared_buffers`;
		expect(row.shared_buffers).toBe('16MB');
	});

	it('is the one-session Postgres the app speaks to through postgres.js', async () => {
		const [row] = await test.db.sql<{ version: string }[]>`select version()`;
		expect(row.version).toMatch(/PostgreSQL/);
		expect(test.db.kind).toBe('embedded');
	});
});
