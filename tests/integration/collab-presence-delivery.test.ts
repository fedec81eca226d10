/**
 * Presence at scale: the server drops echoed awareness undecoded and sends presence at once in a quiet
 * room, coalesced under load (server/collab/room.ts); the project's client sends only its own awareness
 * (send-own-awareness-only.ts). None of it may lose anything: with many clients, stock and the
 * project's, some of them not reading for a while, every client ends with every other's last cursor and
 * the same document.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect } from '../../src/lib/collab/connect';
import { MessageTag } from '../../src/lib/collab/protocol';
import { createTestDatabase, type TestDatabase } from './helpers/databases';
import { prepareCollabDatabase, startCollabInstance, waitFor, type CollabInstance } from './helpers/collab';

interface Client {
	kind: 'stock' | 'project';
	doc: Y.Doc;
	awareness: Awareness;
	/** Awareness client ids named in each awareness message this client sent. */
	sentAwareness: number[][];
	socket(): WebSocket | null;
	synced(): boolean;
	destroy(): void;
}

/** The client ids an awareness message speaks for; null for any other message. */
function awarenessIds(data: Uint8Array): number[] | null {
	const decoder = decoding.createDecoder(data);
	if (decoding.readVarUint(decoder) !== MessageTag.awareness) return null;
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
	const ids: number[] = [];
	for (let count = decoding.readVarUint(update); count > 0; count--) {
		ids.push(decoding.readVarUint(update));
		decoding.readVarUint(update);
		decoding.readVarUint8Array(update);
	}
	return ids;
}

/** A socket with the editor's cookie that records what awareness it sends. */
function recordingSocket(sentAwareness: number[][], sockets: WebSocket[]) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie: 'session=editor' } });
			sockets.push(this);
			const send = this.send.bind(this);
			this.send = ((data: Uint8Array, ...rest: unknown[]) => {
				const ids = awarenessIds(new Uint8Array(data));
				if (ids) sentAwareness.push(ids);
				return (send as (...args: unknown[]) => void)(data, ...rest);
			}) as typeof this.send;
		}
	} as unknown as typeof globalThis.WebSocket;
}

function open(kind: Client['kind'], url: string, docName: string): Client {
	const doc = new Y.Doc();
	const sentAwareness: number[][] = [];
	const sockets: WebSocket[] = [];
	const WebSocketPolyfill = recordingSocket(sentAwareness, sockets);
	const socket = () => sockets.at(-1) ?? null;
	if (kind === 'project') {
		const connection = connect({ docName, doc, url, WebSocketPolyfill });
		const awareness = connection.provider.awareness;
		return {
			kind,
			doc,
			awareness,
			sentAwareness,
			socket,
			synced: () => connection.state().synced,
			destroy: () => connection.destroy()
		};
	}
	const provider = new WebsocketProvider(url, docName, doc, { WebSocketPolyfill, disableBc: true });
	return {
		kind,
		doc,
		awareness: provider.awareness,
		sentAwareness,
		socket,
		synced: () => provider.synced,
		destroy: () => provider.destroy()
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Cursor = { lon: number; lat: number; seq: number };
const cursorOf = (awareness: Awareness, id: number) =>
	(awareness.getStates().get(id) as { cursor?: Cursor } | undefined)?.cursor ?? null;

describe('presence with many clients, some slow', () => {
	let test: TestDatabase;
	let instance: CollabInstance;
	const clients: Client[] = [];

	beforeAll(async () => {
		test = await createTestDatabase('embedded');
		await prepareCollabDatabase(test.db);
		// The server's own defaults for presence (no awarenessFlushMs override): adaptive flushing.
		instance = await startCollabInstance(test.db, {
			awarenessFlushMs: undefined,
			limits: { maxSocketsPerSession: 100 }
		});
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await instance?.close();
		await test?.drop();
	});

	it('delivers every client`s last cursor and edit to every other, and the project`s client echoes nothing', async () => {
		const count = 40;
		for (let i = 0; i < count; i++)
			clients.push(open(i % 2 === 0 ? 'stock' : 'project', instance.url, 'map:gm'));
		await waitFor(() => clients.every((client) => client.synced()), 20_000, 'every client to sync');
		for (const [index, client] of clients.entries()) {
			client.awareness.setLocalState({
				user: { name: `Client ${index}`, la: null, color: '#0072B2' },
				cursor: null
			});
		}

		// Every fourth client (stock and project alike) stops reading from its socket for a while: the
		// server keeps sending to it, and what it missed must reach it once it reads again.
		const slow = clients.filter((_client, index) => index % 4 === 1 || index % 4 === 2);
		for (const client of slow) client.socket()!.pause();

		// Bursts of moves from everyone at once (the server coalesces them) and lone moves in between
		// (sent at once), with an edit each; the last three are bursts, so the final states arrive under load.
		for (let round = 1; round <= 12; round++) {
			const movers = round % 3 === 0 && round < 10 ? clients.slice(round, round + 1) : clients;
			for (const client of movers) {
				client.awareness.setLocalStateField('cursor', { lon: -2 + round / 100, lat: 53, seq: round });
			}
			clients[round % count].doc.getMap('edits').set(`round-${round}`, round);
			await sleep(round % 2 === 0 ? 0 : 15);
		}
		for (const client of slow) expect(client.socket()!.isPaused).toBe(true);
		await sleep(200);
		for (const client of slow) client.socket()!.resume();

		const stale = () => {
			let pairs = 0;
			for (const sender of clients) {
				const last = cursorOf(sender.awareness, sender.doc.clientID);
				for (const receiver of clients) {
					if (receiver === sender) continue;
					const seen = cursorOf(receiver.awareness, sender.doc.clientID);
					if (seen?.seq !== last?.seq) pairs++;
				}
			}
			return pairs;
		};
		await waitFor(() => stale() === 0, 20_000, 'every client to hold every other client`s last cursor');
		// Keys in a fixed order: a Y.Map lists them in the order each copy learnt them.
		const edits = (doc: Y.Doc) => JSON.stringify(Object.entries(doc.getMap('edits').toJSON()).sort());
		const expected = JSON.stringify(Array.from({ length: 12 }, (_, i) => [`round-${i + 1}`, i + 1]).sort());
		await waitFor(
			() => clients.every((client) => edits(client.doc) === expected),
			20_000,
			'every document to converge'
		);

		const project = clients.filter((client) => client.kind === 'project');
		const stock = clients.filter((client) => client.kind === 'stock');
		// The project's client sent its own presence only ...
		for (const client of project) {
			expect(client.sentAwareness.length).toBeGreaterThan(0);
			for (const ids of client.sentAwareness) expect(ids).toEqual([client.doc.clientID]);
		}
		// ... while the stock one sent others' back, which the server dropped without harm.
		expect(
			stock.some((client) => client.sentAwareness.some((ids) => ids.some((id) => id !== client.doc.clientID)))
		).toBe(true);
		// What others hold of someone's presence carries the name the server stamped, not the client's.
		for (const client of clients.filter((client) => client !== clients[3])) {
			const state = client.awareness.getStates().get(clients[3].doc.clientID) as { user: { name: string } };
			expect(state.user.name).toBe('Erin Editor');
		}
	});
});
