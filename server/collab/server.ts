import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseDocName } from '../../src/lib/collab/doc-name';
import { COLLAB_PATH, CloseCode } from '../../src/lib/collab/protocol';
import { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { createRateLimiter, defaultRateLimits, type RateLimits } from './rate-limit';
import { rejectUpgrade } from './reject-upgrade';
import type { Room } from './room';
import { Rooms } from './rooms';
import type { Authenticate, Authorize, CollabUser } from './types';

export interface CollabServerOptions {
	persistence: Persistence;
	authenticate: Authenticate;
	authorize: Authorize;
	/** Fan-out to other instances (Redis); null or absent for a single instance. */
	fanout?: Fanout | null;
	/** Largest frame a client may send; larger ones close that connection (1009). */
	maxMessageBytes?: number;
	rateLimits?: RateLimits;
	/** A connection whose unsent backlog exceeds this is closed (1013). */
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
	const rooms = new Rooms({
		persistence: options.persistence,
		fanout,
		unloadDelayMs: options.unloadDelayMs ?? 2000,
		awarenessFlushMs: options.awarenessFlushMs ?? 20,
		compactEveryUpdates: options.compactEveryUpdates ?? 1000,
		log
	});
	const sockets = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxMessageBytes ?? 2 * 1024 * 1024,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	let closing = false;

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
	): Promise<{ status: number } | { user: CollabUser; access: 'write' | 'read'; name: string }> {
		let name: string;
		try {
			name = decodeURIComponent(path.slice(COLLAB_PATH.length));
		} catch {
			return { status: 404 };
		}
		const doc = parseDocName(name);
		if (!doc) return { status: 404 };
		if (crossSite(request)) return { status: 403 };
		const user = await options.authenticate(request);
		if (!user) return { status: 401 };
		const access = await options.authorize(user, doc);
		if (access === 'not-found') return { status: 404 };
		if (access === 'none') return { status: 403 };
		return { user, access, name };
	}

	function accept(socket: WebSocket, name: string, user: CollabUser, access: 'write' | 'read'): void {
		const connection = new Connection(socket, user, access, createRateLimiter(rateLimits), maxBufferedBytes);
		connections.add(connection);
		let room: Room | null = null;
		const queued: Uint8Array[] = [];

		const handle = (target: Room, message: Uint8Array) => {
			if (connection.closed) return;
			try {
				target.receive(connection, message);
			} catch {
				connection.close(CloseCode.invalidPayload, 'malformed message');
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
					sockets.handleUpgrade(request, socket, head, (ws) =>
						accept(ws, decision.name, decision.user, decision.access)
					);
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

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
