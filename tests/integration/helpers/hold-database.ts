/**
 * Holds an embedded database open in a process of its own, as a running server does, for the lock tests
 * (data-dir-lock.test.ts). Env: DATA_DIR. Migrates, prints `READY`, closes on SIGTERM.
 */
import path from 'node:path';
import { openDatabase } from '../../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../../src/lib/server/db/migrate';

const db = await openDatabase({ databaseUrl: null, dataDir: process.env.DATA_DIR ?? '' });
await migrate(db, readMigrations(path.resolve('migrations')));
console.log('READY');
process.on('SIGTERM', () => {
	void db.close().then(() => process.exit(0));
});
