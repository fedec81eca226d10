import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { presenceColour } from '../../src/lib/collab/presence';
import { stampAwareness, type MapStampRules } from './stamp-awareness';

const identity = { id: 7, name: 'Asha Patel', la: 'E08000003', laName: 'Manchester' };
/** What the server writes as `user` for `identity`. */
const stampedUser = { ...identity, laCode: identity.la, colour: presenceColour(identity.la) };

function updateFrom(state: Record<string, unknown>): { update: Uint8Array; clientId: number } {
	const awareness = new Awareness(new Y.Doc());
	awareness.setLocalState(state);
	return { update: encodeAwarenessUpdate(awareness, [awareness.clientID]), clientId: awareness.clientID };
}

/** An awareness update of raw entries: [clientId, clock, JSON state]. */
function rawUpdate(entries: [number, number, string][], trailing: number[] = []): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [clientId, clock, json] of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	for (const byte of trailing) encoding.writeUint8(encoder, byte);
	return encoding.toUint8Array(encoder);
}

/** The entries of an awareness update, states parsed. */
function entriesOf(update: Uint8Array): [number, number, unknown][] {
	const receiver = new Awareness(new Y.Doc());
	receiver.setLocalState(null);
	applyAwarenessUpdate(receiver, update, 'test');
	return [...receiver.getStates().entries()].map(([id, state]) => [
		id,
		receiver.meta.get(id)?.clock ?? -1,
		state
	]);
}

describe('stampAwareness', () => {
	it('writes the session identity over the claimed one and keeps the rest', () => {
		const { update, clientId } = updateFrom({
			user: { name: 'Someone Else', la: 'E09000001', color: '#0072b2' },
			cursor: { x: 1, y: 2 }
		});
		const stamped = stampAwareness(update, identity, () => true);
		expect(stamped.clients).toEqual([clientId]);
		const receiver = new Awareness(new Y.Doc());
		applyAwarenessUpdate(receiver, stamped.update, 'test');
		expect(receiver.getStates().get(clientId)).toEqual({
			user: {
				name: 'Asha Patel',
				la: 'E08000003',
				laCode: 'E08000003',
				laName: 'Manchester',
				colour: presenceColour('E08000003'),
				color: '#0072b2',
				id: 7
			},
			cursor: { x: 1, y: 2 }
		});
	});

	it('stamps a person without an LA (an administrator, a viewer) with none, whatever they claim', () => {
		const { update, clientId } = updateFrom({
			user: { id: 99, name: 'Commissioner of Camden', la: 'E09000007', laName: 'Camden', color: '#d55e00' }
		});
		const stamped = stampAwareness(update, { id: 3, name: 'Vic Viewer', la: null, laName: null }, () => true);
		const receiver = new Awareness(new Y.Doc());
		applyAwarenessUpdate(receiver, stamped.update, 'test');
		expect(receiver.getStates().get(clientId)).toEqual({
			user: {
				id: 3,
				name: 'Vic Viewer',
				la: null,
				laCode: null,
				laName: null,
				colour: presenceColour(3),
				color: '#d55e00'
			}
		});
	});

	it('adds a user to a state without one', () => {
		const { update, clientId } = updateFrom({ cursor: null });
		const receiver = new Awareness(new Y.Doc());
		applyAwarenessUpdate(receiver, stampAwareness(update, identity, () => true).update, 'test');
		expect(receiver.getStates().get(clientId)).toEqual({
			cursor: null,
			user: {
				id: 7,
				name: 'Asha Patel',
				la: 'E08000003',
				laCode: 'E08000003',
				laName: 'Manchester',
				colour: presenceColour('E08000003')
			}
		});
	});

	it('drops entries for client ids the connection may not claim', () => {
		const { update } = updateFrom({ user: { name: 'x' } });
		const stamped = stampAwareness(update, identity, () => false);
		expect(stamped.clients).toEqual([]);
		const receiver = new Awareness(new Y.Doc());
		applyAwarenessUpdate(receiver, stamped.update, 'test');
		expect(receiver.getStates().size).toBe(1); // only the receiver's own state
	});

	it('throws on bytes that are not an awareness update', () => {
		expect(() => stampAwareness(new Uint8Array([5, 1]), identity, () => true)).toThrow();
		expect(() =>
			stampAwareness(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]), identity, () => true)
		).toThrow();
		expect(() => stampAwareness(new Uint8Array([1, 1, 1, 2, 0x5b, 0x5d]), identity, () => true)).toThrow(
			/object/
		);
	});

	it('asks whether each id may be claimed, saying whether the entry removes its state', () => {
		const asked: [number, boolean][] = [];
		const update = rawUpdate([
			[11, 3, JSON.stringify({ user: { name: 'x' } })],
			[12, 4, 'null']
		]);
		const stamped = stampAwareness(update, identity, (id, leaving) => {
			asked.push([id, leaving]);
			return id === 12;
		});
		expect(asked).toEqual([
			[11, false],
			[12, true]
		]);
		expect(stamped.clients).toEqual([12]);
	});

	it('passes a removal on as a removal, with its clock', () => {
		const stamped = stampAwareness(rawUpdate([[12, 4, 'null']]), identity, () => true);
		expect(stamped.update).toEqual(rawUpdate([[12, 4, 'null']]));
	});

	it('keeps each entry’s client id and clock', () => {
		const stamped = stampAwareness(rawUpdate([[21, 9, '{}']]), identity, () => true);
		expect(entriesOf(stamped.update)).toEqual([[21, 9, { user: stampedUser }]]);
	});

	it('throws on trailing bytes and on a state that is not an object', () => {
		expect(() => stampAwareness(rawUpdate([[1, 1, '{}']], [0]), identity, () => true)).toThrow(
			'Trailing bytes after the awareness update'
		);
		expect(() => stampAwareness(rawUpdate([[1, 1, '5']]), identity, () => true)).toThrow(
			'An awareness state must be an object'
		);
		expect(() => stampAwareness(rawUpdate([[1, 1, '"text"']]), identity, () => true)).toThrow(
			'An awareness state must be an object'
		);
	});

	it('takes nothing from a claimed user that is not an object (a string, a list)', () => {
		for (const user of ['abc', [1, 2]]) {
			const stamped = stampAwareness(rawUpdate([[5, 1, JSON.stringify({ user })]]), identity, () => true);
			expect(entriesOf(stamped.update)).toEqual([[5, 1, { user: stampedUser }]]);
		}
	});

	describe('on the workshop map', () => {
		const stampedState = (state: Record<string, unknown>, rules: MapStampRules) => {
			const { update, clientId } = updateFrom(state);
			const receiver = new Awareness(new Y.Doc());
			applyAwarenessUpdate(receiver, stampAwareness(update, identity, () => true, rules).update, 'test');
			return receiver.getStates().get(clientId) as Record<string, Record<string, unknown>>;
		};
		const claim = {
			user: { name: 'Asha', laCode: 'E09000001', colour: '#000000', admin: true },
			map: { cursor: [-2.2, 53.4], view: null, following: null, presenting: true },
			handOff: { to: 7 }
		};

		it('stamps laCode, colour and admin; a non-administrator cannot claim to be one, choose a colour or hand off', () => {
			let asked = 0;
			const state = stampedState(claim, {
				admin: false,
				mayPresent: () => {
					asked++;
					return false;
				}
			});
			expect(state.user).toMatchObject({
				name: 'Asha Patel',
				laCode: 'E08000003',
				colour: presenceColour('E08000003'),
				admin: false
			});
			expect(state.handOff).toBeNull();
			expect(state.map).toEqual({ cursor: [-2.2, 53.4], view: null, following: null, presenting: false });
			expect(asked).toBe(1);
		});

		it("keeps presenting for someone who may present, and an administrator's hand-off", () => {
			const state = stampedState(claim, { admin: true, mayPresent: () => true });
			expect(state.user.admin).toBe(true);
			expect(state.handOff).toEqual({ to: 7 });
			expect(state.map.presenting).toBe(true);
		});

		it('asks whether one may present only of a state that claims to', () => {
			const mayPresent = () => {
				throw new Error('asked');
			};
			const state = stampedState(
				{ ...claim, map: { ...claim.map, presenting: 'yes' } },
				{ admin: false, mayPresent }
			);
			expect(state.map.presenting).toBe('yes'); // readers take only `true` as presenting
		});
	});
});
