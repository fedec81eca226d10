import { randomUUID } from 'node:crypto';
import { onSessionsChanged } from '../../src/lib/server/auth/session-events';
import {
	hashToken,
	liveSessions,
	SESSION_COOKIE,
	userFromSessionToken
} from '../../src/lib/server/auth/sessions';
import type { Runtime } from '../../src/lib/server/runtime';
import { createDocumentAuthorizer } from './authorize-document';
import { createRedisFanout } from './fanout-redis';
import { createPostgresPersistence } from './postgres-persistence';
import { readCookie } from './read-cookie';
import { createCollabServer, type CollabServer, type CollabServerOptions } from './server';
import { publishCollabStatus } from './status-registry';

/**
 * The collaboration server as the app runs it (server/index.ts and `vite dev`): sessions from the
 * sign-in cookie (named by the hash of its token, as the sessions table does), checked again every few
 * seconds and at once on sign-out and role changes; access from the person's roles in the document's
 * RCC; documents in the app's database; fan-out through Redis when REDIS_URL is set. Tests pass
 * `overrides` (their own fan-out, no subscription to this process's session events).
 */
export function createAppCollabServer(
	runtime: Runtime,
	overrides: Partial<CollabServerOptions> = {}
): CollabServer {
	const { db, config } = runtime;
	const log = overrides.log ?? ((message: string) => console.log(`[collab] ${message}`));
	const fanout =
		overrides.fanout !== undefined
			? overrides.fanout
			: config.redisUrl
				? createRedisFanout({ url: config.redisUrl, instanceId: randomUUID(), log })
				: null;
	const server = createCollabServer({
		persistence: createPostgresPersistence(db.sql, { log }),
		authenticate: async (request) => {
			const token = readCookie(request.headers.cookie, SESSION_COOKIE);
			const user = await userFromSessionToken(db.sql, token);
			return user && token ? { id: hashToken(token), user } : null;
		},
		liveSessions: async (ids) => {
			const live = await liveSessions(db.sql, ids);
			return new Map([...live].map(([id, session]) => [id, session.user]));
		},
		sessionsChanged: onSessionsChanged,
		authorize: createDocumentAuthorizer(db.sql),
		fanout,
		limits: config.collab,
		...overrides,
		log
	});
	publishCollabStatus(() => server.status());
	return server;
}
