import path from 'node:path';

/** Everything the server reads from the environment, read once. */
export interface Config {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | null;
	redisUrl: string | null;
	demo: boolean;
	basemapStyle: string | null;
	collab: CollabLimits;
	/** Largest file an import accepts, refused by its size before it is read (IMPORT_MAX_BYTES). */
	importMaxBytes: number;
}

/** Limits of live collaboration (server/collab), each from its `COLLAB_*` variable. */
export interface CollabLimits {
	/** Largest frame a client may send (COLLAB_MAX_MESSAGE_BYTES). */
	maxMessageBytes: number;
	/** Largest a document may grow, as its encoded Yjs state (COLLAB_MAX_DOCUMENT_BYTES). */
	maxDocumentBytes: number;
	/** Presence entries (awareness client ids) one connection may speak for (COLLAB_MAX_AWARENESS_CLIENTS). */
	maxAwarenessClients: number;
	/** Open sockets per sign-in session on one instance (COLLAB_MAX_SOCKETS_PER_SESSION). */
	maxSocketsPerSession: number;
	/** How often open sockets' sessions and access are checked again (COLLAB_SESSION_CHECK_MS). */
	sessionCheckMs: number;
}

const MIB = 1024 * 1024;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const text = env[name];
	if (text === undefined || text === '') return fallback;
	const value = Number(text);
	if (!Number.isSafeInteger(value) || value < 1) {
		throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
	}
	return value;
}

function readCollabLimits(env: NodeJS.ProcessEnv): CollabLimits {
	const limits = {
		maxMessageBytes: positiveInteger(env, 'COLLAB_MAX_MESSAGE_BYTES', 4 * MIB),
		maxDocumentBytes: positiveInteger(env, 'COLLAB_MAX_DOCUMENT_BYTES', 4 * MIB),
		maxAwarenessClients: positiveInteger(env, 'COLLAB_MAX_AWARENESS_CLIENTS', 8),
		maxSocketsPerSession: positiveInteger(env, 'COLLAB_MAX_SOCKETS_PER_SESSION', 20),
		sessionCheckMs: positiveInteger(env, 'COLLAB_SESSION_CHECK_MS', 5000)
	};
	// A client holding what the server lacks (an offline copy, a server restored from backup) sends it
	// in one frame (sync step 2): a document the server accepts must fit in a message.
	if (limits.maxMessageBytes < limits.maxDocumentBytes) {
		throw new Error(
			`COLLAB_MAX_MESSAGE_BYTES (${limits.maxMessageBytes}) must be at least COLLAB_MAX_DOCUMENT_BYTES (${limits.maxDocumentBytes})`
		);
	}
	return limits;
}

function flag(value: string | undefined): boolean | null {
	if (value === undefined || value === '') return null;
	return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const databaseUrl = env.DATABASE_URL || null;
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be a whole number between 0 and 65535, not "${env.PORT}"`);
	}
	return {
		port,
		host: env.HOST || '0.0.0.0',
		dataDir: path.resolve(env.DATA_DIR || './data'),
		databaseUrl,
		redisUrl: env.REDIS_URL || null,
		// The embedded database is a demo by default; a real server is empty unless asked.
		demo: flag(env.DEMO) ?? databaseUrl === null,
		basemapStyle: env.PUBLIC_BASEMAP_STYLE || null,
		collab: readCollabLimits(env),
		importMaxBytes: positiveInteger(env, 'IMPORT_MAX_BYTES', 1024 * MIB)
	};
}
