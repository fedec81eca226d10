import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import postgres from 'postgres';
import { LOCK_FILE, lockDataDir, type LockHolder } from './data-dir-lock';

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
	sql: postgres.Sql;
	kind: DatabaseKind;
	/** Where the data lives, for messages: the data directory or the server's host and database. */
	location: string;
	close(): Promise<void>;
}

/** A problem the operator must fix; its message is printed alone, without a stack. */
export class DatabaseOpenError extends Error {}

const postgresOptions = {
	onnotice: () => {},
	connection: { application_name: 'close-to-home' }
} as const;

export async function openDatabase(options: {
	databaseUrl: string | null;
	dataDir: string;
}): Promise<Database> {
	return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options.dataDir);
}

async function openServer(databaseUrl: string): Promise<Database> {
	let location: string;
	try {
		const url = new URL(databaseUrl);
		location = `${url.hostname}:${url.port || 5432}${url.pathname}`;
	} catch {
		throw new DatabaseOpenError(
			'DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)'
		);
	}
	const sql = postgres(databaseUrl, { ...postgresOptions, max: 10, connect_timeout: 5 });
	try {
		await sql`select 1`;
	} catch (error) {
		await sql.end({ timeout: 1 }).catch(() => {});
		throw new DatabaseOpenError(`Cannot reach the database at ${location}: ${describe(error)}`);
	}
	return { sql, kind: 'postgres', location, close: () => sql.end({ timeout: 5 }) };
}

/**
 * PGlite is one in-process Postgres; it is served on a private Unix socket so that the app talks to it
 * through the same postgres.js client, and the same SQL, as to a real server.
 */
async function openEmbedded(dataDir: string): Promise<Database> {
	checkDataDir(dataDir);
	const lock = lockDataDir(dataDir);
	if (!lock.ok) throw new DatabaseOpenError(heldMessage(dataDir, lock.holder));
	try {
		return await openLocked(dataDir, lock.release);
	} catch (error) {
		lock.release();
		throw error;
	}
}

/** One line: the operator can tell which process to stop. */
function heldMessage(dataDir: string, holder: LockHolder): string {
	const where = holder.host === os.hostname() ? '' : ` on ${holder.host}`;
	return (
		`The app is running on the data directory ${dataDir} (pid ${holder.pid}${where}, ${holder.command}); ` +
		`stop it first, or set DATA_DIR to another directory. If no such process runs, delete ${path.join(dataDir, LOCK_FILE)}.`
	);
}

/**
 * PGlite's Postgres is 9 MB of WebAssembly. V8 compiles it at once with its baseline compiler and then
 * again, function by function, with its optimising one: the second copy and its compilation hold about
 * 30-50 MB for the life of the process, and bought nothing measurable for the app's small queries (and
 * cost a busy core while it ran). Baseline code only; set before PGlite compiles its module, and only
 * WebAssembly compiled afterwards is affected (PGlite is the server's only WebAssembly).
 */
function baselineWebAssemblyOnly(): void {
	v8.setFlagsFromString('--liftoff-only');
}

async function openLocked(dataDir: string, releaseLock: () => void): Promise<Database> {
	baselineWebAssemblyOnly();
	const { PGlite } = await import('@electric-sql/pglite');
	const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
	let db: InstanceType<typeof PGlite>;
	try {
		// Postgres's default 128 MB of shared buffers lives in PGlite's WebAssembly heap, resident for
		// the process's life (each MB of them costs about two of resident memory once used); 16 MB holds
		// the collaboration tables and the hot rows (the demo's tables, about 60 MB on disk, are read
		// through the OS cache anyway) and keeps an idle server about 150 MB smaller than the default.
		db = await PGlite.create({
			dataDir,
			startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']
		});
	} catch (error) {
		throw new DatabaseOpenError(
			`The data directory ${dataDir} could not be opened as a database (${describe(error)}). ` +
				'It may be corrupt or from another program: move it aside or set DATA_DIR to another directory.'
		);
	}
	const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'close-to-home-'));
	const socketPath = path.join(socketDir, '.s.PGSQL.5432');
	const server = new PGLiteSocketServer({ db, path: socketPath });
	await server.start();
	// PGlite has a single session: more than one client connection gets reset.
	const sql = postgres({
		...postgresOptions,
		path: socketPath,
		max: 1,
		username: 'postgres',
		database: 'postgres'
	});
	return {
		sql,
		kind: 'embedded',
		location: dataDir,
		async close() {
			try {
				await sql.end({ timeout: 5 });
				await server.stop();
				await db.close();
				fs.rmSync(socketDir, { recursive: true, force: true });
			} finally {
				releaseLock();
			}
		}
	};
}

function checkDataDir(dataDir: string): void {
	if (!fs.existsSync(dataDir)) return;
	if (!fs.statSync(dataDir).isDirectory()) {
		throw new DatabaseOpenError(`DATA_DIR ${dataDir} is a file, not a directory`);
	}
	const entries = fs.readdirSync(dataDir).filter((entry) => entry !== LOCK_FILE);
	if (entries.length > 0 && !entries.includes('PG_VERSION')) {
		throw new DatabaseOpenError(
			`The data directory ${dataDir} is not empty and holds no database (no PG_VERSION). ` +
				'Refusing to write over it: set DATA_DIR to an empty or existing Close to Home data directory.'
		);
	}
}

function describe(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}
