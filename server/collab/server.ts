import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseDocName, type DocName } from '../../src/lib/collab/doc-name';
import { COLLAB_PATH, CloseCode } from '../../src/lib/collab/protocol';
import type { CollabLimits } from '../../src/lib/server/config';
import { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { createRateLimiter, defaultRateLimits, type RateLimits } from './rate-limit';
import { rejectUpgrade } from './reject-upgrade';
import { DocumentTooLarge, FieldTooLong, type Room } from './room';
import { Rooms } from './rooms';
import type { Authenticate, Authorize, CollabSession, CollabUser, LiveSessions } from './types';

/** The defaults of config.ts's `COLLAB_*` variables. */
export const defaultCollabLimits: CollabLimits = {
	maxMessageBytes: 4 * 1024 * 1024,
	maxDocumentBytes: 4 * 1024 * 1024,
	maxAwarenessClients: 8,
	maxSocketsPerSession: 20,
	sessionCheckMs: 5000
};

export interface CollabServerOptions {
	persistence: Persistence;
	authenticate: Authenticate;
	authorize: Authorize;
	/**
	 * Checks open sockets' sessions again (every `limits.sessionCheckMs`, and at once for a person named by
	 * `sessionsChanged`); absent: sessions are checked at the upgrade only.
	 */
	liveSessions?: LiveSessions;
	/** Subscribes to "this person's sessions or roles changed" (session-events.ts); returns the unsubscribe. */
	sessionsChanged?: (listener: (userId: string) => void) => () => void;
	/** Fan-out to other instances (Redis); null or absent for a single instance. */
	fanout?: Fanout | null;
	/** Message, document, awareness and sockets-per-session caps (config.ts); each defaults as there. */
	limits?: Partial<CollabLimits>;
	rateLimits?: RateLimits;
	/** A connection whose unsent backlog exceeds this is cut off. */
	maxBufferedBytes?: number;
	unloadDelayMs?: number;
	awarenessFlushMs?: number;
	compactEveryUpdates?: number;
	/** Sockets that miss a ping for this long are dropped. */
	pingIntervalMs?: number;
	log?: (message: string) => void;
}

export interface CollabStatus {
	rooms: number;
	connections: number;
	/** `off` without a fan-out (one instance). */
	fanout: 'off' | 'up' | 'down';
}

export interface CollabServer {
	/**
	 * Handles an HTTP `upgrade` for `/collab/<docName>` and returns true; returns false for any other path
	 * (for another handler, such as Vite's HMR socket). Access is decided before the upgrade.
	 */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** The document's current state as one Yjs update (from memory when open here, else from storage). */
	currentState(docName: string): Promise<Uint8Array>;
	status(): CollabStatus;
	/** Refuses new sockets, closes open ones (1001, clients reconnect elsewhere) and stores what is pending. */
	close(): Promise<void>;
}

export function createCollabServer(options: CollabServerOptions): CollabServer {
	const log = options.log ?? ((message: string) => console.log(`[collab] ${message}`));
	const fanout = options.fanout ?? null;
	const rateLimits = options.rateLimits ?? defaultRateLimits;
	const maxBufferedBytes = options.maxBufferedBytes ?? 16 * 1024 * 1024;
	const limits: CollabLimits = { ...defaultCollabLimits, ...options.limits };
	const rooms = new Rooms({
		persistence: options.persistence,
		fanout,
		unloadDelayMs: options.unloadDelayMs ?? 2000,
		awarenessFlushMs: options.awarenessFlushMs ?? 20,
		compactEveryUpdates: options.compactEveryUpdates ?? 1000,
		maxAwarenessClients: limits.maxAwarenessClients,
		maxDocumentBytes: limits.maxDocumentBytes,
		log
	});
	// `ws` refuses a larger frame itself (1009), counting every fragment of a message, before buffering it.
	const sockets = new WebSocketServer({
		noServer: true,
		maxPayload: limits.maxMessageBytes,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	/** Open sockets per session on this instance. */
	const socketsOfSession = new Map<string, number>();
	let closing = false;
	let checking: Promise<void> | null = null;
	let checkFailed = false;

	const sessionCheck = setInterval(() => {
		if (checking || connections.size === 0) return;
		checking = checkSessions([...connections]).finally(() => {
			checking = null;
		});
	}, limits.sessionCheckMs);
	sessionCheck.unref();

	/**
	 * Closes the sockets whose session ended (4401) or whose person may no longer read the document
	 * (4403); one whose access changed otherwise (write <-> read) is closed to reconnect with it (4000).
	 */
	async function checkSessions(targets: Connection[]): Promise<void> {
		if (!options.liveSessions || targets.length === 0) return;
		let live: Map<string, CollabUser>;
		try {
			live = await options.liveSessions([...new Set(targets.map((target) => target.sessionId))]);
			if (checkFailed) log('Checking sessions works again');
			checkFailed = false;
		} catch (error) {
			// The database is away: keep the sockets (closing everyone would be worse) and say so once.
			if (!checkFailed) log(`Checking sessions failed: ${describe(error)}`);
			checkFailed = true;
			return;
		}
		for (const connection of targets) {
			if (connection.closed) continue;
			const user = live.get(connection.sessionId);
			if (!user) {
				connection.close(CloseCode.sessionEnded, 'session ended');
				continue;
			}
			if (sameRoles(user, connection.user)) continue;
			const access = await options.authorize(user, connection.doc).catch(() => null);
			if (access === null) continue; // asked again at the next check
			if (access === 'none' || access === 'not-found') {
				connection.close(CloseCode.accessWithdrawn, 'access withdrawn');
			} else if (access !== connection.access) {
				connection.close(CloseCode.accessChanged, 'access changed');
			} else {
				connection.user = user;
			}
		}
	}

	function checkUser(userId: string): void {
		const targets = [...connections].filter((connection) => String(connection.user.id) === userId);
		void checkSessions(targets);
	}

	const unsubscribe = options.sessionsChanged?.((userId) => {
		checkUser(userId);
		fanout?.publishSessionsChanged(userId);
	});
	fanout?.onSessionsChanged(checkUser);

	const ping = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.socket.terminate();
				continue;
			}
			connection.alive = false;
			connection.socket.ping();
		}
	}, options.pingIntervalMs ?? 30_000);
	ping.unref();

	async function decide(
		request: IncomingMessage,
		path: string
	): Promise<
		{ status: number } | { session: CollabSession; doc: DocName; access: 'write' | 'read'; name: string }
	> {
		let name: string;
		try {
			name = decodeURIComponent(path.slice(COLLAB_PATH.length));
		} catch {
			return { status: 404 };
		}
		const doc = parseDocName(name);
		if (!doc) return { status: 404 };
		if (crossSite(request)) return { status: 403 };
		const session = await options.authenticate(request);
		if (!session) return { status: 401 };
		const access = await options.authorize(session.user, doc);
		if (access === 'not-found') return { status: 404 };
		if (access === 'none') return { status: 403 };
		return { session, doc, access, name };
	}

	function accept(
		socket: WebSocket,
		decision: { session: CollabSession; doc: DocName; access: 'write' | 'read'; name: string }
	): void {
		const { session, name } = decision;
		const connection = new Connection(
			socket,
			session,
			decision.doc,
			decision.access,
			createRateLimiter(rateLimits),
			maxBufferedBytes
		);
		connections.add(connection);
		socketsOfSession.set(session.id, (socketsOfSession.get(session.id) ?? 0) + 1);
		let room: Room | null = null;
		const queued: Uint8Array[] = [];

		const handle = (target: Room, message: Uint8Array) => {
			if (connection.closed) return;
			try {
				target.receive(connection, message);
			} catch (error) {
				if (error instanceof DocumentTooLarge) {
					connection.close(CloseCode.documentTooLarge, 'document too large');
				} else if (error instanceof FieldTooLong) {
					log(`Refused an update to ${name} from user ${session.user.id}: ${error.message}`);
					connection.close(CloseCode.fieldTooLong, 'field too long');
				} else {
					connection.close(CloseCode.invalidPayload, 'malformed message');
				}
			}
		};

		// Listeners first, before anything is awaited: messages that arrive while the room loads are queued.
		socket.on('message', (data: RawData, isBinary: boolean) => {
			if (connection.closed) return;
			if (!isBinary) return connection.close(CloseCode.unsupportedData, 'binary frames only');
			const message = toBytes(data);
			if (!connection.limiter.take(message.byteLength)) {
				return connection.close(CloseCode.rateLimited, 'too many messages');
			}
			if (room) handle(room, message);
			else queued.push(message);
		});
		socket.on('pong', () => {
			connection.alive = true;
		});
		// `ws` reports oversize and invalid frames here, then closes the socket itself.
		socket.on('error', () => {});
		socket.on('close', () => {
			connection.closed = true;
			connections.delete(connection);
			const open = (socketsOfSession.get(session.id) ?? 1) - 1;
			if (open > 0) socketsOfSession.set(session.id, open);
			else socketsOfSession.delete(session.id);
			if (room) rooms.leave(room, connection);
		});

		rooms.join(name, connection).then(
			(joined) => {
				room = joined;
				for (const message of queued.splice(0)) handle(joined, message);
			},
			(error: unknown) => {
				log(`Could not open ${name}: ${error instanceof Error ? error.message : String(error)}`);
				connection.close(CloseCode.internalError, 'document unavailable');
			}
		);
	}

	return {
		handleUpgrade(request, socket, head) {
			const path = new URL(request.url ?? '/', 'http://localhost').pathname;
			if (!path.startsWith(COLLAB_PATH)) return false;
			socket.on('error', () => socket.destroy());
			if (closing) {
				rejectUpgrade(socket, 503, 'Shutting down');
				return true;
			}
			decide(request, path).then(
				(decision) => {
					if ('status' in decision) return rejectUpgrade(socket, decision.status);
					if (socket.destroyed) return;
					if (closing) return rejectUpgrade(socket, 503, 'Shutting down');
					// Counted and taken in the same turn as the upgrade below, so concurrent upgrades cannot race it.
					if ((socketsOfSession.get(decision.session.id) ?? 0) >= limits.maxSocketsPerSession) {
						return rejectUpgrade(socket, 429, 'Too many open connections for this session');
					}
					sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, decision));
				},
				(error: unknown) => {
					log(`Upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
					rejectUpgrade(socket, 500);
				}
			);
			return true;
		},

		async currentState(name) {
			const room = rooms.loaded(name);
			if (room) return room.encodeState();
			const doc = new Y.Doc();
			try {
				await options.persistence.load(name, doc);
				return Y.encodeStateAsUpdate(doc);
			} finally {
				doc.destroy();
			}
		},

		status() {
			return { rooms: rooms.size, connections: connections.size, fanout: fanout ? fanout.status() : 'off' };
		},

		async close() {
			if (closing) return;
			closing = true;
			clearInterval(ping);
			clearInterval(sessionCheck);
			unsubscribe?.();
			const open = [...connections];
			const closed = Promise.all(
				open.map(
					(connection) =>
						new Promise<void>((resolve) => {
							if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
							connection.socket.once('close', () => resolve());
						})
				)
			);
			for (const connection of open) connection.close(CloseCode.goingAway, 'server shutting down');
			// Clients answer the close frame at once; do not wait ws's 30 s for one that does not.
			const deadline = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
			await Promise.race([closed, deadline]);
			for (const connection of open) connection.socket.terminate();
			await rooms.close();
			await options.persistence.close();
			await fanout?.close();
			sockets.close();
		}
	};
}

/**
 * A browser page on another site opening a socket with the visitor's cookie (cross-site websocket
 * hijacking): browsers send Origin (and Sec-Fetch-Site) on websocket handshakes; clients without them are
 * not browsers and cannot ride on someone's cookie.
 */
function crossSite(request: IncomingMessage): boolean {
	const site = request.headers['sec-fetch-site'];
	if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
	const origin = request.headers.origin;
	if (origin === undefined) return false;
	try {
		return new URL(origin).host !== request.headers.host;
	} catch {
		return true;
	}
}

/** Whether the person holds the same role in the same RCCs as when last checked. */
function sameRoles(a: CollabUser, b: CollabUser): boolean {
	const key = (user: CollabUser) =>
		user.roles
			.map((grant) => `${grant.rccId}=${grant.role}`)
			.sort()
			.join(',');
	return key(a) === key(b);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
