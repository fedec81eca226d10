import path from 'node:path';
import { readConfig } from '../../src/lib/server/config';
import { DatabaseOpenError, openDatabase, type Database } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { UsageError } from './usage-error';

/** The app's database (DATA_DIR or DATABASE_URL), migrated, for the length of `work`. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
	const db = await openDatabase(readConfig());
	try {
		await migrate(db, readMigrations(path.resolve('migrations')));
		return await work(db);
	} finally {
		await db.close();
	}
}

/** Runs a command: exit 0 when it ends, exit 1 with one message (no stack) for what the operator can fix. */
export function runCli(main: () => Promise<void>, options: { usage: string; failure: string }): void {
	main().catch((error: unknown) => {
		if (error instanceof UsageError || error instanceof DatabaseOpenError) console.error(error.message);
		else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
			console.error(`${error.message}\n${options.usage}`);
		} else console.error(options.failure, error);
		process.exit(1);
	});
}
