import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type CollabConnection } from '../../src/lib/collab/connect';
import { CloseCode, MessageTag, SyncType } from '../../src/lib/collab/protocol';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import {
	connectClient,
	prepareCollabDatabase,
	socketUntilClosed,
	startCollabInstance,
	synced,
	waitFor,
	webSocketWithCookie,
	type CollabInstance
} from './helpers/collab';

const KIB = 1024;
const MIB = 1024 * KIB;
const noRateLimit = { messagesPerSecond: 1e6, messagesBurst: 1e6, bytesPerSecond: 1e12, bytesBurst: 1e12 };

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageTag.sync);
	encoding.writeVarUint(encoder, type);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** One awareness frame announcing `count` client ids (from `firstId` on), each with a presence state. */
function awarenessFrame(firstId: number, count: number): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, count);
	for (let id = firstId; id < firstId + count; id++) {
		encoding.writeVarUint(update, id);
		encoding.writeVarUint(update, 1);
		encoding.writeVarString(update, JSON.stringify({ user: { name: `ghost ${id}` } }));
	}
	const frame = encoding.createEncoder();
	encoding.writeVarUint(frame, MessageTag.awareness);
	encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
	return encoding.toUint8Array(frame);
}

/** An update inserting `characters` characters of text, as a client that has it in its document. */
function textUpdate(characters: number, field = 'body'): Uint8Array {
	const doc = new Y.Doc();
	doc.getText(field).insert(0, 'x'.repeat(characters));
	return Y.encodeStateAsUpdate(doc);
}

/**
 * Resolves once the server answered a sync step 1 sent now: everything sent before on this socket has
 * been handled (the server reads a connection's frames in order).
 */
function roundTrip(socket: WebSocket): Promise<void> {
	return new Promise((resolve) => {
		const onMessage = (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
			if (decoding.readVarUint(decoder) !== SyncType.step2) return;
			socket.off('message', onMessage);
			resolve();
		};
		socket.on('message', onMessage);
		socket.send(syncFrame(SyncType.step1, Y.encodeStateVector(new Y.Doc())));
	});
}

/** An upgrade attempt held open: the HTTP status it got, and the socket when it opened. */
function tryOpen(url: string, cookie: string): Promise<{ status: number; socket: WebSocket | null }> {
	return new Promise((resolve) => {
		const socket = new WebSocket(url, { headers: { cookie } });
		socket.on('open', () => resolve({ status: 101, socket }));
		socket.on('unexpected-response', (_request, response) => {
			resolve({ status: response.statusCode ?? 0, socket: null });
			socket.terminate();
		});
		socket.on('error', () => {});
	});
}

describe.each(backends)('collaboration limits on %s', (backend) => {
	let test: TestDatabase;
	let instance: CollabInstance;
	const sockets: WebSocket[] = [];
	const providers: WebsocketProvider[] = [];
	const connections: CollabConnection[] = [];
	const extra: CollabInstance[] = [];

	const client = (target: CollabInstance, docName: string, person: string) => {
		const connected = connectClient(target.url, docName, person);
		providers.push(connected.provider);
		return connected;
	};
	const raw = (target: CollabInstance, docName: string, person: string) => {
		const opened = socketUntilClosed(`${target.url}/${docName}`, `session=${person}`);
		sockets.push(opened.socket);
		return opened;
	};
	const start = async (options: Parameters<typeof startCollabInstance>[1]) => {
		const started = await startCollabInstance(test.db, options);
		extra.push(started);
		return started;
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
		// Every limit at its default (config.ts), as the app runs.
		instance = await startCollabInstance(test.db);
	});
	afterEach(async () => {
		for (const provider of providers.splice(0)) provider.destroy();
		for (const connection of connections.splice(0)) connection.destroy();
		for (const socket of sockets.splice(0)) socket.terminate();
		for (const started of extra.splice(0)) await started.close();
	});
	afterAll(async () => {
		await instance?.close();
		await test?.drop();
	});

	it('refuses a 56 MiB update, in one frame or in fragments (1009), before reading it; nothing is stored', async () => {
		const frame = syncFrame(SyncType.update, new Uint8Array(56 * MIB));
		const whole = raw(instance, 'map:se', 'outsider');
		(await whole.opened).send(frame);
		expect((await whole.closed).code).toBe(CloseCode.tooLarge);
		const fragmented = raw(instance, 'map:se', 'outsider');
		const socket = await fragmented.opened;
		for (let offset = 0; offset < frame.byteLength; offset += MIB) {
			socket.send(frame.subarray(offset, offset + MIB), { fin: offset + MIB >= frame.byteLength });
		}
		expect((await fragmented.closed).code).toBe(CloseCode.tooLarge);
		const [{ n }] = await test.db.sql<{ n: number }[]>`
			select count(*)::int as n from collab_updates where doc = 'map:se'`;
		expect(n).toBe(0);
	});

	it('refuses an update that would take a document over its cap (4413): not applied, not stored, the editor told', async () => {
		const capped = await start({
			limits: { maxMessageBytes: 256 * KIB, maxDocumentBytes: 64 * KIB },
			rateLimits: noRateLimit
		});
		const reader = client(capped, 'plan:plan-1', 'admin');
		const editor = connect({
			docName: 'plan:plan-1',
			url: capped.url,
			WebSocketPolyfill: webSocketWithCookie('session=editor') as unknown as typeof globalThis.WebSocket
		});
		connections.push(editor);
		await Promise.all([synced(reader.provider), waitFor(() => editor.state().synced)]);

		editor.doc.getText('first').insert(0, 'a'.repeat(40 * KIB));
		await waitFor(() => reader.doc.getText('first').length === 40 * KIB, 10_000, 'the first edit');
		editor.doc.getText('second').insert(0, 'b'.repeat(40 * KIB));
		await waitFor(() => editor.state().status === 'closed', 10_000, 'the editor to be told');
		expect(editor.state()).toMatchObject({
			closedCode: CloseCode.documentTooLarge,
			closedBecause: 'document too large',
			readOnly: true
		});
		expect(editor.provider.shouldConnect).toBe(false);

		// Many updates under the message cap, each adding a little, stop at the document cap too.
		const attacker = raw(capped, 'plan:plan-1', 'editor');
		const socket = await attacker.opened;
		for (let i = 0; i < 10; i++) socket.send(syncFrame(SyncType.update, textUpdate(4 * KIB, `flood-${i}`)));
		expect(await attacker.closed).toEqual({ code: CloseCode.documentTooLarge, reason: 'document too large' });

		const state = await capped.collab.currentState('plan:plan-1');
		const stored = new Y.Doc();
		Y.applyUpdate(stored, state);
		expect(stored.getText('first').length).toBe(40 * KIB);
		expect(stored.getText('second').length).toBe(0);
		expect(state.byteLength).toBeLessThanOrEqual(64 * KIB);
		expect(reader.doc.getText('second').length).toBe(0);
	});

	it('takes at most 8 awareness ids from a connection, even from one frame of 15,000', async () => {
		const attacker = raw(instance, 'map:gm', 'editor');
		const socket = await attacker.opened;
		socket.send(awarenessFrame(1, 15_000));
		socket.send(awarenessFrame(20_000, 10));
		await roundTrip(socket);

		const observer = client(instance, 'map:gm', 'admin');
		await synced(observer.provider);
		await waitFor(() => observer.provider.awareness.getStates().size > 1, 10_000, 'presence');
		const others = [...observer.provider.awareness.getStates().keys()].filter(
			(id) => id !== observer.doc.clientID
		);
		expect(others).toHaveLength(8);
		expect(Math.max(...others)).toBeLessThanOrEqual(8);
	});

	it('opens at most 20 sockets per session; the next are refused (429), other sessions are not', async () => {
		const url = `${instance.url}/map:gm`;
		const attempts = await Promise.all(Array.from({ length: 30 }, () => tryOpen(url, 'session=viewer')));
		for (const attempt of attempts) if (attempt.socket) sockets.push(attempt.socket);
		const statuses = attempts.map((attempt) => attempt.status).sort();
		expect(statuses.filter((status) => status === 101)).toHaveLength(20);
		expect(statuses.filter((status) => status === 429)).toHaveLength(10);
		const other = await tryOpen(url, 'session=admin');
		if (other.socket) sockets.push(other.socket);
		expect(other.status).toBe(101);

		const connectionsBefore = instance.collab.status().connections;
		attempts.find((attempt) => attempt.socket)!.socket!.close();
		await waitFor(() => instance.collab.status().connections === connectionsBefore - 1);
		const again = await tryOpen(url, 'session=viewer');
		if (again.socket) sockets.push(again.socket);
		expect(again.status).toBe(101);
	});

	it('cuts off a client that stops reading, at once, and keeps serving the others', async () => {
		const small = await start({
			maxBufferedBytes: 256 * KIB,
			limits: { maxMessageBytes: 64 * MIB, maxDocumentBytes: 64 * MIB },
			rateLimits: noRateLimit
		});
		const writer = client(small, 'map:gm', 'editor');
		const reader = client(small, 'map:gm', 'admin');
		await Promise.all([synced(writer.provider), synced(reader.provider)]);
		const slow = raw(small, 'map:gm', 'viewer');
		(await slow.opened).pause();
		await waitFor(() => small.collab.status().connections === 3);

		for (let i = 0; i < 40; i++) writer.doc.getText(`chunk-${i}`).insert(0, 'y'.repeat(256 * KIB));
		await waitFor(() => small.collab.status().connections === 2, 10_000, 'the slow client to be cut off');
		await waitFor(() => reader.doc.getText('chunk-39').length === 256 * KIB, 10_000, 'the reader');
		writer.doc.getMap('after').set('still', 'served');
		await waitFor(() => reader.doc.getMap('after').get('still') === 'served');
	});

	it('drops a socket that stops answering pings, keeps one that answers', async () => {
		// Long enough that the answering socket's pong arrives within one interval on a loaded machine (the
		// server and both clients share this process): at 50 ms it sometimes did not, and was dropped too.
		const pinging = await start({ pingIntervalMs: 500 });
		const answering = raw(pinging, 'map:gm', 'editor');
		await answering.opened;
		const silent = new WebSocket(`${pinging.url}/map:gm`, {
			headers: { cookie: 'session=admin' },
			autoPong: false
		});
		sockets.push(silent);
		const silentClosed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
		silent.on('error', () => {});
		expect(await silentClosed).toBe(1006); // terminated: no close frame
		await waitFor(() => pinging.collab.status().connections === 1);
		expect((await answering.opened).readyState).toBe(WebSocket.OPEN);
	});
});
