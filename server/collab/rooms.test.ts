import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Connection } from './connection';
import type { Fanout, FanoutMessage } from './fanout';
import { LOAD_ORIGIN, type Persistence } from './persistence';
import { Rooms } from './rooms';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

/** Storage in memory that records what happens, with compaction held until released. */
function memoryPersistence() {
	const stored = new Map<string, Uint8Array[]>();
	const events: string[] = [];
	let compactGate: Promise<void> = Promise.resolve();
	const persistence: Persistence = {
		async load(name, doc) {
			events.push(`load ${name}`);
			for (const update of stored.get(name) ?? []) Y.applyUpdate(doc, update, LOAD_ORIGIN);
			return { rows: stored.get(name)?.length ?? 0 };
		},
		append(name, update) {
			events.push(`append ${name}`);
			stored.set(name, [...(stored.get(name) ?? []), update]);
		},
		async flush() {},
		async compact(name, current) {
			events.push(`compact ${name} start`);
			await compactGate;
			if (current) stored.set(name, [current]);
			events.push(`compact ${name} end`);
			return { merged: 1, bytes: current?.byteLength ?? 0 };
		},
		async close() {}
	};
	return {
		persistence,
		events,
		stored,
		holdCompaction() {
			const gate = deferred();
			compactGate = gate.promise;
			return gate.resolve;
		}
	};
}

function fakeConnection(): Connection {
	const socket = {
		readyState: 1,
		bufferedAmount: 0,
		send() {},
		close() {},
		terminate() {}
	} as unknown as WebSocket;
	return new Connection(
		socket,
		{ id: 'session-1', user: { id: 1, name: 'A', la: null, roles: [] } },
		{ kind: 'map', rccId: 'gm' },
		'write',
		{ take: () => true },
		1e9
	);
}

function recordingFanout() {
	const published: FanoutMessage[] = [];
	const fanout: Fanout = {
		async join() {},
		async leave() {},
		publish: (_name, message) => published.push(message),
		publishSessionsChanged() {},
		onSessionsChanged() {},
		onReconnect() {},
		status: () => 'up',
		async close() {}
	};
	return { fanout, published };
}

const options = {
	unloadDelayMs: 0,
	awarenessFlushMs: 0,
	compactEveryUpdates: 1000,
	maxAwarenessClients: 8,
	maxDocumentBytes: 1024 * 1024,
	log: () => {}
};

describe('Rooms', () => {
	it('serialises load and unload: a client arriving during an unload gets the room reloaded after it', async () => {
		const memory = memoryPersistence();
		const rooms = new Rooms({ ...options, persistence: memory.persistence, fanout: null });
		const first = fakeConnection();
		const room = await rooms.join('map:gm', first);
		// Not from a client (as if fanned out by an instance that died before storing it): only the final
		// compaction, which includes the state in memory, stores it.
		room.doc.getMap('m').set('k', 'v');

		const release = memory.holdCompaction();
		rooms.leave(room, first);
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(memory.events.at(-1)).toBe('compact map:gm start');

		let joined = false;
		const second = rooms.join('map:gm', fakeConnection()).then((next) => {
			joined = true;
			return next;
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(joined).toBe(false);
		release();
		const reloaded = await second;
		expect(reloaded).not.toBe(room);
		expect(memory.events).toEqual([
			'load map:gm',
			'compact map:gm start',
			'compact map:gm end',
			'load map:gm'
		]);
		expect(reloaded.doc.getMap('m').get('k')).toBe('v');
		await rooms.close();
	});

	it('stores and publishes what clients send, not what was loaded or came from other instances', async () => {
		const memory = memoryPersistence();
		const { fanout, published } = recordingFanout();
		const rooms = new Rooms({ ...options, persistence: memory.persistence, fanout });
		const connection = fakeConnection();
		const room = await rooms.join('plan:p', connection);
		published.length = 0;

		const client = new Y.Doc();
		client.getText('t').insert(0, 'from a client');
		room.doc.transact(() => Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(client)), connection);
		const other = new Y.Doc();
		other.getText('u').insert(0, 'from another instance');
		room.receiveFanout({ kind: 'update', update: Y.encodeStateAsUpdate(other) });

		expect(memory.events.filter((event) => event.startsWith('append'))).toEqual(['append plan:p']);
		expect(published.map((message) => message.kind)).toEqual(['update']);
		expect(room.doc.getText('u').toString()).toBe('from another instance');
		await rooms.close();
	});

	it('answers a peer asking with its state vector with what it lacks, and asks back once', async () => {
		const memory = memoryPersistence();
		const { fanout, published } = recordingFanout();
		const rooms = new Rooms({ ...options, persistence: memory.persistence, fanout });
		const room = await rooms.join('plan:p', fakeConnection());
		room.doc.getText('t').insert(0, 'only here');
		published.length = 0;

		room.receiveFanout({ kind: 'state-vector', stateVector: Y.encodeStateVector(new Y.Doc()), reply: true });
		expect(published.map((message) => message.kind)).toEqual(['update', 'state-vector']);
		const peer = new Y.Doc();
		Y.applyUpdate(peer, (published[0] as { update: Uint8Array }).update);
		expect(peer.getText('t').toString()).toBe('only here');
		expect((published[1] as { reply: boolean }).reply).toBe(false);

		published.length = 0;
		room.receiveFanout({ kind: 'state-vector', stateVector: Y.encodeStateVector(room.doc), reply: false });
		expect(published).toEqual([]); // nothing missing, no question back
		await rooms.close();
	});

	it("does not let a connection echoing someone else's presence take it over", async () => {
		const memory = memoryPersistence();
		const { fanout } = recordingFanout();
		const rooms = new Rooms({ ...options, persistence: memory.persistence, fanout });
		const local = fakeConnection();
		const room = await rooms.join('map:gm', local);

		const remote = new Awareness(new Y.Doc());
		remote.setLocalState({ user: { name: 'On another instance' } });
		const remoteUpdate = encodeAwarenessUpdate(remote, [remote.clientID]);
		room.receiveFanout({ kind: 'awareness', update: remoteUpdate });
		// The stock client sends back every awareness change it receives.
		const echo = encoding.createEncoder();
		encoding.writeVarUint(echo, 1);
		encoding.writeVarUint8Array(echo, remoteUpdate);
		room.receive(local, encoding.toUint8Array(echo));

		expect(local.awarenessClients.size).toBe(0);
		rooms.leave(room, local);
		expect((room.awareness.getStates().get(remote.clientID) as { user: { name: string } }).user.name).toBe(
			'On another instance'
		);
		await rooms.close();
	});
});
