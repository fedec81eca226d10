import path from 'node:path';
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrate, readMigrations } from './db/migrate';
import { seedDemo } from './seed/seed-demo';
import { seedDemoAccounts } from './auth/demo-accounts';

export interface Runtime {
	config: Config;
	db: Database;
}

export type Log = (message: string) => void;

/**
 * The production entry (server/index.ts, run by tsx) and the SvelteKit bundle each get their own copy of
 * this module; the runtime is kept under a global symbol so that both share one database connection.
 */
const KEY = Symbol.for('close-to-home.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

export async function startRuntime(config: Config, log: Log = console.log): Promise<Runtime> {
	const db = await openDatabase(config);
	try {
		const applied = await migrate(db, readMigrations(path.resolve('migrations')));
		if (applied.length > 0) log(`Database at ${db.location}: applied ${applied.join(', ')}`);
		if (config.demo) {
			await seedDemo(db, { log });
			await seedDemoAccounts(db, { log });
		}
		return { config, db };
	} catch (error) {
		await db.close().catch(() => {});
		throw error;
	}
}

/** Installs the runtime that server code will use (server/index.ts, tests). */
export function provideRuntime(runtime: Promise<Runtime>): Promise<Runtime> {
	(globalThis as Holder)[KEY] = runtime;
	return runtime;
}

/** The process's runtime, started from the environment on first use (as under `vite dev`). */
export function runtime(): Promise<Runtime> {
	const holder = globalThis as Holder;
	holder[KEY] ??= startRuntime(readConfig());
	return holder[KEY];
}
