import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MessageTag } from './protocol';

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * y-websocket's provider sends every awareness change to the server, other people's included: each
 * presence message it receives goes straight back (in a room of 200, every cursor move came back 199
 * times, and the server spent its time dropping them). This replaces its awareness listener with one
 * that sends only this client's own state, which is all the server takes from a client anyway
 * (server/collab/room.ts). Other people's states still arrive and are applied as before; the provider
 * sends the local state on every (re)connection itself, as before.
 *
 * Over the socket only: connect() disables the BroadcastChannel between tabs.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
	const awareness = provider.awareness;
	awareness.off('update', provider._awarenessUpdateHandler);
	provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChange) => {
		const own = awareness.clientID;
		if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
		const ws = provider.ws;
		if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageTag.awareness);
		encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]));
		ws.send(encoding.toUint8Array(encoder));
	};
	awareness.on('update', provider._awarenessUpdateHandler);
}
