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

/**
 * An initialised, empty embedded data directory, made once per machine and PGlite version and copied
 * for each test database: initialising one is most of the cost of opening it (up to a minute on the
 * loaded 2-core machine, against seconds to copy and open a copy), and the mutation run opens one per
 * test file per mutant. Made aside and renamed into place, so a copy never reads a half-made one.
 */
async function templateDataDir(): Promise<string> {
	const manifest = path.resolve('node_modules/@electric-sql/pglite/package.json');
	const version = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
	const template = path.join(os.tmpdir(), `cth-test-template-pglite-${version}`);
	if (fs.existsSync(path.join(template, 'PG_VERSION'))) return template;
	const making = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-test-template-making-'));
	const db = await openDatabase({ databaseUrl: null, dataDir: making });
	await db.close();
	try {
		fs.renameSync(making, template);
	} catch {
		// Another process made it meanwhile: use theirs.
		fs.rmSync(making, { recursive: true, force: true });
	}
	return template;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
	if (backend === 'embedded') {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-test-'));
		fs.cpSync(await templateDataDir(), dataDir, { recursive: true });
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
