import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageTag } from './protocol';
import { sendOwnAwarenessOnly } from './send-own-awareness-only';

/** A provider that never connects, with a socket stand-in that records what it is given. */
function provider() {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider('ws://127.0.0.1:9', 'map:gm', doc, {
		connect: false,
		disableBc: true,
		WebSocketPolyfill: class {} as unknown as typeof globalThis.WebSocket
	});
	const sent: Uint8Array[] = [];
	provider.ws = {
		readyState: 1,
		OPEN: 1,
		send: (data: Uint8Array) => sent.push(data),
		close() {}
	} as unknown as globalThis.WebSocket;
	provider.wsconnected = true;
	return { doc, provider, sent };
}

/** The client ids a sent awareness message speaks for. */
function idsIn(message: Uint8Array): number[] {
	const decoder = decoding.createDecoder(message);
	expect(decoding.readVarUint(decoder)).toBe(MessageTag.awareness);
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
	const ids: number[] = [];
	for (let count = decoding.readVarUint(update); count > 0; count--) {
		ids.push(decoding.readVarUint(update));
		decoding.readVarUint(update);
		decoding.readVarString(update);
	}
	return ids;
}

/** Someone else's presence, as it arrives from the server. */
function remoteChange(target: WebsocketProvider, name: string) {
	const other = new Awareness(new Y.Doc());
	other.setLocalState({ user: { name } });
	applyAwarenessUpdate(target.awareness, encodeAwarenessUpdate(other, [other.clientID]), target);
	return other.clientID;
}

describe('sendOwnAwarenessOnly', () => {
	it('the stock provider sends other people`s presence back (what this fixes)', () => {
		const { provider: stock, sent } = provider();
		const other = remoteChange(stock, 'Someone else');
		expect(sent.map(idsIn)).toEqual([[other]]);
		stock.destroy();
	});

	it('sends no one else`s presence, and its own on every change, removal included', () => {
		const { doc, provider: patched, sent } = provider();
		sendOwnAwarenessOnly(patched);
		const other = remoteChange(patched, 'Someone else');
		expect(sent).toEqual([]);
		expect(patched.awareness.getStates().has(other)).toBe(true);

		patched.awareness.setLocalState({ user: { name: 'Me' }, cursor: { lon: -2, lat: 53 } });
		patched.awareness.setLocalStateField('cursor', { lon: -2.1, lat: 53 });
		patched.awareness.setLocalState(null);
		expect(sent.map(idsIn)).toEqual([[doc.clientID], [doc.clientID], [doc.clientID]]);
		patched.destroy();
	});

	it('sends nothing while the socket is not open', () => {
		const { provider: patched, sent } = provider();
		sendOwnAwarenessOnly(patched);
		patched.wsconnected = false;
		patched.awareness.setLocalStateField('cursor', { lon: -2, lat: 53 });
		expect(sent).toEqual([]);
		patched.destroy();
	});

	it('is taken off with the provider', () => {
		const { provider: patched, sent } = provider();
		sendOwnAwarenessOnly(patched);
		const awareness = patched.awareness;
		patched.destroy();
		sent.length = 0;
		awareness.setLocalStateField('cursor', { lon: -2, lat: 53 });
		expect(sent).toEqual([]);
	});
});
