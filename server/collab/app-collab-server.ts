import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, userFromSessionToken } from '../../src/lib/server/auth/sessions';
import type { Runtime } from '../../src/lib/server/runtime';
import { createDocumentAuthorizer } from './authorize-document';
import { createRedisFanout } from './fanout-redis';
import { createPostgresPersistence } from './postgres-persistence';
import { readCookie } from './read-cookie';
import { createCollabServer, type CollabServer } from './server';
import { publishCollabStatus } from './status-registry';

/**
 * The collaboration server as the app runs it (server/index.ts and `vite dev`): sessions from the
 * sign-in cookie, access from the person's roles in the document's RCC, documents in the app's database,
 * fan-out through Redis when REDIS_URL is set.
 */
export function createAppCollabServer(
	runtime: Runtime,
	log = (message: string) => console.log(`[collab] ${message}`)
): CollabServer {
	const { db, config } = runtime;
	const fanout = config.redisUrl
		? createRedisFanout({ url: config.redisUrl, instanceId: randomUUID(), log })
		: null;
	const server = createCollabServer({
		persistence: createPostgresPersistence(db.sql, { log }),
		authenticate: (request) =>
			userFromSessionToken(db.sql, readCookie(request.headers.cookie, SESSION_COOKIE)),
		authorize: createDocumentAuthorizer(db.sql),
		fanout,
		log
	});
	publishCollabStatus(() => server.status());
	return server;
}
