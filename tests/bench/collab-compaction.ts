/**
 * bench:collab's persistence figure (DESIGN.md "Budgets": compacting 20,000 updates <= 1 s): appends
 * `updates` typing updates to a document, flushes, then times `compact`; best of `runs` documents, as
 * the least disturbed by whatever else shares the machine. Embedded PGlite in a temporary directory, or
 * the Postgres server at DATABASE_URL (its bench documents are deleted afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPostgresPersistence } from '../../server/collab/postgres-persistence';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { typingUpdates } from '../fixtures/typing-updates';

export interface CompactionFigures {
	updates: number;
	storage: 'embedded' | 'postgres';
	bestMs: number;
	runsMs: number[];
}

export async function measureCompaction(updateCount = 20_000, runs = 3): Promise<CompactionFigures> {
	const databaseUrl = process.env.DATABASE_URL || null;
	const dataDir = databaseUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'cth-bench-compact-'));
	const db = await openDatabase({ databaseUrl, dataDir });
	const docNames = Array.from({ length: runs }, (_, run) => `plan:bench-compaction-${process.pid}-${run}`);
	try {
		await migrate(db, readMigrations(path.resolve('migrations')));
		const persistence = createPostgresPersistence(db.sql);
		const updates = typingUpdates(updateCount);
		const runsMs: number[] = [];
		for (const docName of docNames) {
			for (const update of updates) persistence.append(docName, update);
			await persistence.flush();
			const started = performance.now();
			const result = await persistence.compact(docName);
			runsMs.push(Math.round(performance.now() - started));
			if (!('merged' in result) || result.merged !== updateCount) {
				throw new Error(`compaction merged ${JSON.stringify(result)}, not ${updateCount} updates`);
			}
		}
		await persistence.close();
		return {
			updates: updateCount,
			storage: databaseUrl ? 'postgres' : 'embedded',
			bestMs: Math.min(...runsMs),
			runsMs
		};
	} finally {
		await db.sql`delete from collab_updates where doc = any(${docNames})`;
		await db.close();
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
