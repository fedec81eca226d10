import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageTag } from '../../src/lib/collab/protocol';
import { Connection } from './connection';
import type { Persistence } from './persistence';
import { Room } from './room';

const noStorage: Persistence = {
	load: async () => ({ rows: 0 }),
	append: () => {},
	flush: async () => {},
	compact: async () => ({ skipped: 'nothing-to-do' }),
	close: async () => {}
};

/** A clock that moves only when told: each send to a client takes `sendMs` of it. */
function clock() {
	const state = { time: 0, sendMs: 0 };
	return { state, now: () => state.time };
}

function connection(sent: Uint8Array[], onSend: () => void, user = 1): Connection {
	const socket = {
		readyState: 1,
		bufferedAmount: 0,
		send(message: Uint8Array) {
			sent.push(message);
			onSend();
		},
		close() {},
		terminate() {}
	} as unknown as WebSocket;
	return new Connection(
		socket,
		{ id: `session-${user}`, user: { id: user, name: `Person ${user}`, la: null, roles: [] } },
		{ kind: 'map', rccId: 'gm' },
		'write',
		{ take: () => true },
		1e9
	);
}

/** The awareness message a client sends for its own state. */
function presence(awareness: Awareness, cursor: number): Uint8Array {
	awareness.setLocalStateField('cursor', { lon: cursor, lat: 53 });
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageTag.awareness);
	encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
	return encoding.toUint8Array(encoder);
}

/** Client ids in the awareness messages of `sent`, one list per message. */
function awarenessSent(sent: Uint8Array[]): number[][] {
	return sent.flatMap((message) => {
		const decoder = decoding.createDecoder(message);
		if (decoding.readVarUint(decoder) !== MessageTag.awareness) return [];
		const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
		const ids: number[] = [];
		for (let count = decoding.readVarUint(update); count > 0; count--) {
			ids.push(decoding.readVarUint(update));
			decoding.readVarUint(update);
			decoding.readVarString(update);
		}
		return [ids];
	});
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const until = async (condition: () => boolean) => {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
};

function setup(connections: number) {
	const time = clock();
	const room = new Room('map:gm', {
		persistence: noStorage,
		fanout: null,
		// Far longer than the test waits: whatever goes out before it, went out by the adaptive rule.
		awarenessFlushMs: 60_000,
		compactEveryUpdates: 1000,
		maxAwarenessClients: 8,
		maxDocumentBytes: 1024 * 1024,
		onCompactDue: () => {},
		log: () => {},
		now: time.now
	});
	const sent: Uint8Array[][] = [];
	const members = Array.from({ length: connections }, (_, index) => {
		const mine: Uint8Array[] = [];
		sent.push(mine);
		const member = connection(mine, () => (time.state.time += time.state.sendMs), index + 1);
		room.add(member);
		return { connection: member, awareness: new Awareness(new Y.Doc()) };
	});
	for (const mine of sent) mine.length = 0;
	return { room, members, sent, time };
}

describe('Room presence', () => {
	it('sends a change in a quiet room at once, not after the coalescing window', async () => {
		const { room, members, sent } = setup(3);
		room.receive(members[0].connection, presence(members[0].awareness, 1));
		await nextTurn();
		for (const mine of sent) expect(awarenessSent(mine)).toEqual([[members[0].awareness.clientID]]);
		room.destroy();
	});

	it('sends the changes read in one turn together', async () => {
		const { room, members, sent } = setup(3);
		for (const [index, member] of members.entries())
			room.receive(member.connection, presence(member.awareness, index));
		await nextTurn();
		const ids = members.map((member) => member.awareness.clientID);
		for (const mine of sent) expect(awarenessSent(mine)).toEqual([ids]);
		room.destroy();
	});

	it('under load, holds the next changes back in proportion to the work and sends them all, latest state', async () => {
		const { room, members, sent, time } = setup(3);
		// Sending takes 5 ms (of the room's clock) per client: 15 ms per message to the room.
		time.state.sendMs = 5;
		room.receive(members[0].connection, presence(members[0].awareness, 1));
		await nextTurn();
		expect(awarenessSent(sent[2])).toHaveLength(1);

		room.receive(members[1].connection, presence(members[1].awareness, 2));
		room.receive(members[1].connection, presence(members[1].awareness, 3));
		await nextTurn();
		room.receive(members[2].connection, presence(members[2].awareness, 4));
		await nextTurn();
		// Held back: the last message's work (15 ms) times three, on the room's clock, has not passed ...
		expect(awarenessSent(sent[2])).toHaveLength(1);
		// ... and once it has (a timer of that length), one message carries both, in their latest state.
		time.state.sendMs = 0;
		await until(() => awarenessSent(sent[2]).length === 2);
		expect(awarenessSent(sent[2])[1]).toEqual([members[1].awareness.clientID, members[2].awareness.clientID]);
		const cursor = room.awareness.getStates().get(members[1].awareness.clientID)?.cursor as { lon: number };
		expect(cursor.lon).toBe(3);
		room.destroy();
	});

	it('drops an echo of someone else`s presence without reading its state', () => {
		const { room, members } = setup(2);
		room.receive(members[0].connection, presence(members[0].awareness, 1));
		// The stock client sends back what it received: member 0's entry, with a state that is not even
		// JSON (an echo's state is skipped undecoded) beside its own, which is taken.
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 2);
		encoding.writeVarUint(encoder, members[0].awareness.clientID);
		encoding.writeVarUint(encoder, 99);
		encoding.writeVarString(encoder, '{not json');
		members[1].awareness.setLocalState({ user: { name: 'Claimed' }, cursor: null });
		encoding.writeVarUint(encoder, members[1].awareness.clientID);
		encoding.writeVarUint(encoder, members[1].awareness.meta.get(members[1].awareness.clientID)!.clock);
		encoding.writeVarString(encoder, JSON.stringify(members[1].awareness.getLocalState()));
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, MessageTag.awareness);
		encoding.writeVarUint8Array(message, encoding.toUint8Array(encoder));
		room.receive(members[1].connection, encoding.toUint8Array(message));

		expect(room.awareness.meta.get(members[0].awareness.clientID)?.clock).toBe(
			members[0].awareness.meta.get(members[0].awareness.clientID)?.clock
		);
		expect([...members[1].connection.awarenessClients]).toEqual([members[1].awareness.clientID]);
		const taken = room.awareness.getStates().get(members[1].awareness.clientID) as { user: { name: string } };
		expect(taken.user.name).toBe('Person 2');
		room.destroy();
	});
});
