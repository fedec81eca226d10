/**
 * The edges of the Postgres persistence that the mutation run (docs/mutation.md) found untested: chunked
 * reads at and around the chunk size, batched inserts at the batch size, compaction with the in-memory
 * state, retrying a failed insert, and appending after close. Small chunk and batch sizes make each edge
 * a handful of rows.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPersistence } from '../../server/collab/postgres-persistence';
import { typingUpdates } from '../fixtures/typing-updates';
import { prepareCollabDatabase } from './helpers/collab';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

const text = (doc: Y.Doc) => doc.getText('body').toString();

function expectedText(updates: Uint8Array[]): string {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return text(doc);
}

describe('collaboration storage at its edges on embedded', () => {
	let test: TestDatabase;
	const quiet = { log: () => {} };
	beforeAll(async () => {
		test = await createTestDatabase('embedded');
		await prepareCollabDatabase(test.db);
	});
	afterAll(() => test?.drop());

	const rows = async (doc: string) =>
		(await test.db.sql<{ n: number }[]>`select count(*)::int as n from collab_updates where doc = ${doc}`)[0]
			.n;

	it('loads every row when their number is below, at and above a multiple of the chunk size', async () => {
		const persistence = createPostgresPersistence(test.db.sql, { chunkRows: 3, ...quiet });
		for (const count of [2, 3, 6, 7]) {
			const docName = `plan:chunks-${count}`;
			const updates = typingUpdates(count);
			for (const update of updates) persistence.append(docName, update);
			await persistence.flush();
			const loaded = new Y.Doc();
			expect(await persistence.load(docName, loaded)).toEqual({ rows: count });
			expect(text(loaded)).toBe(expectedText(updates));
			expect(await persistence.compact(docName)).toMatchObject({ merged: count });
			expect(await rows(docName)).toBe(1);
		}
		await persistence.close();
	});

	it('writes a full batch at once, without waiting for the timer', async () => {
		const persistence = createPostgresPersistence(test.db.sql, {
			maxBatchRows: 4,
			batchMs: 60_000,
			...quiet
		});
		const updates = typingUpdates(4);
		for (const update of updates) persistence.append('plan:batch', update);
		await expect.poll(() => rows('plan:batch')).toBe(4);
		await persistence.close();
	});

	it('writes a part batch when the timer fires, without a flush', async () => {
		const persistence = createPostgresPersistence(test.db.sql, { batchMs: 1, ...quiet });
		for (const update of typingUpdates(3)) persistence.append('plan:timer', update);
		await expect.poll(() => rows('plan:timer')).toBe(3);
		await persistence.close();
	});

	it('writes more than one batch of rows, all of them, in order', async () => {
		const persistence = createPostgresPersistence(test.db.sql, { maxBatchRows: 2, ...quiet });
		const updates = typingUpdates(5);
		for (const update of updates) persistence.append('plan:batches', update);
		await persistence.flush();
		expect(await rows('plan:batches')).toBe(5);
		const loaded = new Y.Doc();
		await persistence.load('plan:batches', loaded);
		expect(text(loaded)).toBe(expectedText(updates));
		await persistence.close();
	});

	it('compacts one stored row with the state in memory, and skips one row without it', async () => {
		const persistence = createPostgresPersistence(test.db.sql, quiet);
		const updates = typingUpdates(4);
		persistence.append('plan:current', updates[0]);
		await persistence.flush();
		expect(await persistence.compact('plan:current')).toEqual({ skipped: 'nothing-to-do' });
		const memory = new Y.Doc();
		for (const update of updates) Y.applyUpdate(memory, update);
		const result = await persistence.compact('plan:current', Y.encodeStateAsUpdate(memory));
		expect(result).toMatchObject({ merged: 1 });
		const loaded = new Y.Doc();
		expect(await persistence.load('plan:current', loaded)).toEqual({ rows: 1 });
		expect(text(loaded)).toBe(text(memory));
		expect(await persistence.compact('empty:doc')).toEqual({ skipped: 'nothing-to-do' });
		await persistence.close();
	});

	it('keeps updates whose insert failed and stores them once the database is back, logging once', async () => {
		const messages: string[] = [];
		const persistence = createPostgresPersistence(test.db.sql, { log: (message) => messages.push(message) });
		// A database blip: the table is away while the batch is written, then comes back.
		await test.db.sql`alter table collab_updates rename to collab_updates_away`;
		const updates = typingUpdates(3);
		for (const update of updates) persistence.append('plan:flaky', update);
		const flushed = persistence.flush();
		await expect.poll(() => messages.length).toBe(1);
		await test.db.sql`alter table collab_updates_away rename to collab_updates`;
		await flushed;
		expect(await rows('plan:flaky')).toBe(3);
		expect(messages).toEqual([expect.stringMatching(/^Storing 3 document updates failed \(.+\); retrying$/)]);
		await persistence.close();
	});

	it('refuses appends once closed, after storing what came before', async () => {
		const persistence = createPostgresPersistence(test.db.sql, quiet);
		persistence.append('plan:closing', typingUpdates(1)[0]);
		await persistence.close();
		expect(await rows('plan:closing')).toBe(1);
		expect(() => persistence.append('plan:closing', typingUpdates(1)[0])).toThrow('Persistence is closed');
	});
});
