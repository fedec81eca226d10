import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createDocumentAuthorizer } from '../../../server/collab/authorize-document';
import type { Fanout } from '../../../server/collab/fanout';
import { createPostgresPersistence } from '../../../server/collab/postgres-persistence';
import {
	createCollabServer,
	type CollabServer,
	type CollabServerOptions
} from '../../../server/collab/server';
import type { CollabSession, CollabUser } from '../../../server/collab/types';
import type { Database } from '../../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../../src/lib/server/db/migrate';

/** People of the fake sign-in: the cookie `session=<key>` stands for the person under that key. */
export const people: Record<string, CollabUser> = {
	editor: {
		id: 1,
		name: 'Erin Editor',
		la: { code: 'E08000003' },
		roles: [{ rccId: 'gm', role: 'commissioner' }]
	},
	admin: { id: 2, name: 'Ada Admin', la: null, roles: [{ rccId: 'gm', role: 'rcc_admin' }] },
	viewer: { id: 3, name: 'Vic Viewer', la: null, roles: [{ rccId: 'gm', role: 'viewer' }] },
	outsider: {
		id: 4,
		name: 'Oli Outsider',
		la: { code: 'E10000014' },
		roles: [{ rccId: 'se', role: 'rcc_admin' }]
	}
};

/** The fake session is named by the person's key: all of one person's sockets share a session. */
export async function fakeAuthenticate(request: http.IncomingMessage): Promise<CollabSession | null> {
	const match = /(?:^|;\s*)session=([a-z]+)/.exec(request.headers.cookie ?? '');
	const user = match && people[match[1]];
	return user ? { id: match[1], user } : null;
}

/** Schema plus two RCCs and a plan in the first: `plan:plan-1` and `map:gm` belong to `gm`. */
export async function prepareCollabDatabase(db: Database): Promise<void> {
	await migrate(db, readMigrations(path.resolve('migrations')));
	await db.sql`insert into rccs (id, name) values ('gm', 'Greater Manchester'), ('se', 'South East') on conflict do nothing`;
	await db.sql`insert into plans (id, rcc_id, title, period) values ('plan-1', 'gm', 'Sufficiency strategy', '2026-2029') on conflict do nothing`;
}

export interface CollabInstance {
	collab: CollabServer;
	http: http.Server;
	/** ws://127.0.0.1:<port>/collab */
	url: string;
	port: number;
	close(): Promise<void>;
}

export async function startCollabInstance(
	db: Database,
	options: Partial<CollabServerOptions> & { fanout?: Fanout | null; port?: number } = {}
): Promise<CollabInstance> {
	const collab = createCollabServer({
		persistence: createPostgresPersistence(db.sql),
		authenticate: fakeAuthenticate,
		authorize: createDocumentAuthorizer(db.sql),
		unloadDelayMs: 0,
		awarenessFlushMs: 10,
		log: () => {},
		...options
	});
	return serveCollab(collab, options.port);
}

/** Serves `collab`'s sockets over HTTP on 127.0.0.1 (a free port unless given). */
export async function serveCollab(collab: CollabServer, port = 0): Promise<CollabInstance> {
	const server = http.createServer((_request, response) => response.writeHead(404).end());
	server.on('upgrade', (request, socket, head) => {
		if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const listening = (server.address() as { port: number }).port;
	return {
		collab,
		http: server,
		url: `ws://127.0.0.1:${listening}/collab`,
		port: listening,
		async close() {
			await collab.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** Opens a socket and resolves with the code and reason it is closed with (by the server, or 1006). */
export function socketUntilClosed(
	url: string,
	cookie: string | null,
	onOpen: (socket: WebSocket) => void = () => {}
): {
	socket: WebSocket;
	opened: Promise<WebSocket>;
	closed: Promise<{ code: number; reason: string }>;
} {
	const socket = new WebSocket(url, cookie ? { headers: { cookie } } : {});
	const opened = new Promise<WebSocket>((resolve, reject) => {
		socket.on('open', () => {
			onOpen(socket);
			resolve(socket);
		});
		socket.on('unexpected-response', (_request, response) =>
			reject(new Error(`Upgrade refused: ${response.statusCode}`))
		);
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
	});
	socket.on('error', () => {});
	opened.catch(() => {});
	return { socket, opened, closed };
}

/** A `ws` WebSocket that sends the session cookie, as a browser would (read at each connection). */
export function webSocketWithCookie(
	cookie: string | null | (() => string | null)
): new (address: string, protocols?: string | string[]) => WebSocket {
	const current = typeof cookie === 'function' ? cookie : () => cookie;
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			const value = current();
			super(address, protocols, value ? { headers: { cookie: value } } : {});
		}
	};
}

export function connectClient(
	url: string,
	docName: string,
	person: string | null,
	doc = new Y.Doc()
): { doc: Y.Doc; provider: WebsocketProvider } {
	const provider = new WebsocketProvider(url, docName, doc, {
		WebSocketPolyfill: webSocketWithCookie(
			person ? `session=${person}` : null
		) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 500
	});
	return { doc, provider };
}

export async function waitFor(
	condition: () => boolean,
	timeoutMs = 10_000,
	what = 'condition'
): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export function synced(provider: WebsocketProvider): Promise<void> {
	return waitFor(() => provider.synced, 10_000, `${provider.roomname} to sync`);
}

/** The HTTP status of an upgrade attempt (no socket is opened when access is refused). */
export function upgradeStatus(
	url: string,
	cookie: string | null,
	headers: Record<string, string> = {}
): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
		socket.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			socket.terminate();
		});
		socket.on('open', () => {
			resolve(101);
			socket.close();
		});
		socket.on('error', (error) => {
			if (!/Unexpected server response/.test(error.message)) reject(error);
		});
	});
}
