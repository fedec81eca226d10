import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What instances of the server tell each other about one document, so that clients of the same document
 * on different instances see each other:
 * - `update`: a Yjs update an instance received from one of its clients (the receiver applies it and
 *   passes it to its own clients; only the instance that received it from a client stores it);
 * - `awareness`: an awareness update (presence);
 * - `state-vector`: "send me what I lack": receivers reply with an `update` holding what the sender's
 *   state vector is missing and, when `reply` is set, their own `state-vector` (with `reply` unset, so the
 *   exchange ends there). Sent after a room loads and after a lost connection to the bus comes back.
 */
export type FanoutMessage =
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'state-vector'; stateVector: Uint8Array; reply: boolean };

export type FanoutStatus = 'up' | 'down';

export interface Fanout {
	/** Starts receiving the document's messages from other instances (never the instance's own). */
	join(docName: string, receive: (message: FanoutMessage) => void): Promise<void>;
	leave(docName: string): Promise<void>;
	/** Fire and forget: while the bus is down the message is dropped; `onReconnect` catches up. */
	publish(docName: string, message: FanoutMessage): void;
	/** Tells the other instances that a person's sessions or roles changed (session-events.ts). */
	publishSessionsChanged(userId: string): void;
	/** Called with the person's id when another instance published `publishSessionsChanged`. */
	onSessionsChanged(listener: (userId: string) => void): void;
	/** Called after the bus came back from an outage, once subscriptions are restored. */
	onReconnect(listener: () => void): void;
	status(): FanoutStatus;
	close(): Promise<void>;
}

/** Wire format version: the first byte of every bus message. */
const FANOUT_VERSION = 1;
const KIND = { update: 0, awareness: 1, 'state-vector': 2 } as const;

export function encodeFanoutMessage(sender: string, message: FanoutMessage): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeUint8(encoder, FANOUT_VERSION);
	encoding.writeVarString(encoder, sender);
	encoding.writeUint8(encoder, KIND[message.kind]);
	if (message.kind === 'state-vector') {
		encoding.writeVarUint8Array(encoder, message.stateVector);
		encoding.writeUint8(encoder, message.reply ? 1 : 0);
	} else {
		encoding.writeVarUint8Array(encoder, message.update);
	}
	return encoding.toUint8Array(encoder);
}

/** Null for a message from another version or that does not decode: it is ignored, never thrown. */
export function decodeFanoutMessage(bytes: Uint8Array): { sender: string; message: FanoutMessage } | null {
	try {
		const decoder = decoding.createDecoder(bytes);
		if (decoding.readUint8(decoder) !== FANOUT_VERSION) return null;
		const sender = decoding.readVarString(decoder);
		const kind = decoding.readUint8(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (kind === KIND.update) return { sender, message: { kind: 'update', update: payload } };
		if (kind === KIND.awareness) return { sender, message: { kind: 'awareness', update: payload } };
		if (kind === KIND['state-vector']) {
			return {
				sender,
				message: { kind: 'state-vector', stateVector: payload, reply: decoding.readUint8(decoder) === 1 }
			};
		}
		return null;
	} catch {
		return null;
	}
}
