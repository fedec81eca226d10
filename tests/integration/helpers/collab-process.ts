/**
 * A collaboration server in a process of its own, for tests that kill it (collab-crash.test.ts).
 * Env: DATA_DIR or DATABASE_URL (an already prepared database), PORT (0: any). Prints `READY <port>`.
 */
import { openDatabase } from '../../../src/lib/server/db/client';
import { startCollabInstance } from './collab';

const db = await openDatabase({
	databaseUrl: process.env.DATABASE_URL || null,
	dataDir: process.env.DATA_DIR ?? ''
});
const instance = await startCollabInstance(db, { port: Number(process.env.PORT ?? 0), unloadDelayMs: 500 });
console.log(`READY ${instance.port}`);
process.on('SIGTERM', () => {
	void instance
		.close()
		.then(() => db.close())
		.then(() => process.exit(0));
});
