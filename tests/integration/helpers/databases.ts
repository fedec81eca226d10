import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';

export interface TestDatabase {
	db: Database;
	/** Removes the database (a fresh one per test run: existing data is never touched). */
	drop(): Promise<void>;
}

export type Backend = 'embedded' | 'postgres';

/**
 * The backends integration suites run against: the embedded database always, a Postgres server too when
 * DATABASE_URL is set (as in CI). CI fails if the server suites were expected and skipped.
 */
export const backends: Backend[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

if (process.env.CI === 'true' && !process.env.DATABASE_URL) {
	throw new Error('CI=true but DATABASE_URL is not set: the Postgres server suites would be skipped');
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
	if (backend === 'embedded') {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-test-'));
		const db = await openDatabase({ databaseUrl: null, dataDir });
		return {
			db,
			async drop() {
				await db.close();
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) throw new Error('DATABASE_URL is not set');
	const name = `cth_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
	return {
		db,
		async drop() {
			await db.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
