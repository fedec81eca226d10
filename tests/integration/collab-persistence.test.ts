import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPersistence } from '../../server/collab/postgres-persistence';
import { listSnapshots, readSnapshot, saveSnapshot } from '../../server/collab/snapshots';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { prepareCollabDatabase } from './helpers/collab';
import { typingUpdates } from '../fixtures/typing-updates';

async function rowCount(test: TestDatabase, doc: string): Promise<number> {
	const [row] = await test.db.sql<
		{ n: number }[]
	>`select count(*)::int as n from collab_updates where doc = ${doc}`;
	return row.n;
}

describe.each(backends)('collaboration storage on %s', (backend) => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
	});
	afterAll(() => test?.drop());

	// How long the compaction takes is bench:collab's to measure (DESIGN.md budget: <= 1 s).
	it('appends in batches, loads what it stored, and compacts 20,000 updates into one row', async () => {
		const persistence = createPostgresPersistence(test.db.sql);
		const updates = typingUpdates(20_000);
		const expected = new Y.Doc();
		for (const update of updates) Y.applyUpdate(expected, update);
		const docName = 'plan:big';
		for (const update of updates) persistence.append(docName, update);
		await persistence.flush();
		expect(await rowCount(test, docName)).toBe(20_000);
		const result = await persistence.compact(docName);
		expect(result).toMatchObject({ merged: 20_000 });
		expect(await rowCount(test, docName)).toBe(1);
		const loaded = new Y.Doc();
		expect(await persistence.load(docName, loaded)).toEqual({ rows: 1 });
		expect(loaded.getText('body').toString()).toBe(expected.getText('body').toString());
		await persistence.close();
	});

	it('compaction keeps rows it did not read, including a slower transaction with a smaller id', async () => {
		const persistence = createPostgresPersistence(test.db.sql);
		const updates = typingUpdates(30);
		for (const update of updates.slice(0, 20)) persistence.append('map:gm', update);
		await persistence.flush();
		if (backend === 'postgres') {
			// An insert whose transaction is still open while compaction reads: it must survive the delete.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let inserted!: () => void;
			const insertDone = new Promise<void>((resolve) => (inserted = resolve));
			const slow = test.db.sql.begin(async (tx) => {
				await tx`insert into collab_updates (doc, update) values ('map:gm', ${Buffer.from(updates[20])})`;
				inserted();
				await held;
			});
			await insertDone;
			expect(await persistence.compact('map:gm')).toMatchObject({ merged: 20 });
			release();
			await slow;
			expect(await rowCount(test, 'map:gm')).toBe(2);
		} else {
			expect(await persistence.compact('map:gm')).toMatchObject({ merged: 20 });
			persistence.append('map:gm', updates[20]);
			await persistence.flush();
		}
		for (const update of updates.slice(21)) persistence.append('map:gm', update);
		await persistence.flush();
		const loaded = new Y.Doc();
		await persistence.load('map:gm', loaded);
		const expected = new Y.Doc();
		for (const update of updates) Y.applyUpdate(expected, update);
		expect(loaded.getText('body').toString()).toBe(expected.getText('body').toString());
		expect(await persistence.compact('map:gm')).toMatchObject({ merged: 11 });
		expect(await persistence.compact('map:gm')).toEqual({ skipped: 'nothing-to-do' });
		await persistence.close();
	});

	it('keeps named snapshots of a document', async () => {
		const doc = new Y.Doc();
		doc.getText('body').insert(0, 'Draft one');
		const first = await saveSnapshot(test.db.sql, {
			docName: 'plan:plan-1',
			name: 'Consultation draft',
			state: Y.encodeStateAsUpdate(doc),
			createdBy: null
		});
		doc.getText('body').insert(9, ', revised');
		await saveSnapshot(test.db.sql, {
			docName: 'plan:plan-1',
			name: 'Published',
			state: Y.encodeStateAsUpdate(doc),
			createdBy: null
		});

		const listed = await listSnapshots(test.db.sql, 'plan:plan-1');
		expect(listed.map((s) => s.name)).toEqual(['Published', 'Consultation draft']);
		const state = await readSnapshot(test.db.sql, 'plan:plan-1', first.id);
		const restored = new Y.Doc();
		Y.applyUpdate(restored, state as Uint8Array);
		expect(restored.getText('body').toString()).toBe('Draft one');
		expect(await readSnapshot(test.db.sql, 'map:gm', first.id)).toBeNull();
		expect(await readSnapshot(test.db.sql, 'plan:plan-1', 'not-a-number')).toBeNull();
	});
});
