/**
 * bench:collab: this project's collaboration server in a process of its own, as production runs it
 * (compiled to JavaScript; Postgres persistence: a fresh database on the server at DATABASE_URL,
 * dropped on exit, else embedded PGlite in a fresh directory, created beforehand by another process),
 * with a sign-in stand-in that lets every connection edit. With BENCH_STORAGE=none, persistence is a
 * stand-in that keeps nothing and no database is opened or loaded: what the collaboration server itself
 * costs. Prints `READY <port>`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Persistence } from '../../server/collab/persistence';
import { createCollabServer } from '../../server/collab/server';
import { readConfig } from '../../src/lib/server/config';

const storage = process.env.BENCH_STORAGE === 'none' ? noStorage() : await database();

/** Persistence that stores nothing: documents start empty and are forgotten. */
function noStorage(): { persistence: Persistence; drop(): Promise<void> } {
	const persistence: Persistence = {
		load: async () => ({ rows: 0 }),
		append: () => {},
		flush: async () => {},
		compact: async () => ({ skipped: 'nothing-to-do' }),
		close: async () => {}
	};
	return { persistence, drop: async () => {} };
}

// Loaded only with a database, so that the stand-in's process holds none of it.
async function database(): Promise<{ persistence: Persistence; drop(): Promise<void> }> {
	const { createPostgresPersistence } = await import('../../server/collab/postgres-persistence');
	const { migrate, readMigrations } = await import('../../src/lib/server/db/migrate');
	// Never the database DATABASE_URL names: every run gets an empty one of its own. The embedded one is
	// created by another process first (collab-prepare-embedded.ts), as a server restarted on its data.
	const test = process.env.DATABASE_URL
		? await (await import('../integration/helpers/databases')).createTestDatabase('postgres')
		: await existingEmbedded();
	await migrate(test.db, readMigrations(path.resolve('migrations')));
	await test.db.sql`insert into rccs (id, name) values ('bench', 'Bench') on conflict do nothing`;
	return { persistence: createPostgresPersistence(test.db.sql), drop: () => test.drop() };
}

async function existingEmbedded() {
	const { openDatabase } = await import('../../src/lib/server/db/client');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-bench-collab-'));
	const prepared = spawnSync(
		process.execPath,
		['--import', 'tsx', 'tests/bench/collab-prepare-embedded.ts', dataDir],
		{
			stdio: 'inherit'
		}
	);
	if (prepared.status !== 0) throw new Error('Preparing the embedded database failed');
	const opened = await openDatabase({ databaseUrl: null, dataDir });
	return {
		db: opened,
		async drop() {
			await opened.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

const benchUser = {
	id: 1,
	name: 'Bench',
	la: null,
	roles: [{ rccId: 'bench', role: 'commissioner' as const }]
};
let sessions = 0;
const collab = createCollabServer({
	persistence: storage.persistence,
	// A session per connection, as 1,000 people would have: the sockets-per-session cap stays on.
	authenticate: async () => ({ id: `bench-${++sessions}`, user: benchUser }),
	// Every open socket's session is checked again as in production (the answer: all still valid).
	liveSessions: async (ids) => new Map(ids.map((id) => [id, benchUser])),
	authorize: async () => 'write',
	// Every limit on, as configured for the app (COLLAB_* or config.ts's defaults).
	limits: readConfig().collab,
	// The bench drives clients harder than people do: no rate limit, to measure the server itself.
	rateLimits: { messagesPerSecond: 1e6, messagesBurst: 1e6, bytesPerSecond: 1e9, bytesBurst: 1e9 },
	log: (message) => console.error(`[collab] ${message}`)
});
const server = http.createServer((_request, response) => response.writeHead(404).end());
server.on('upgrade', (request, socket, head) => {
	if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	console.log(`READY ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
	void collab
		.close()
		.then(() => storage.drop())
		.finally(() => process.exit(0));
});
