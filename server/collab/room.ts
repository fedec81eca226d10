import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
	Awareness,
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AuthType, MessageTag, READ_ONLY_REASON, SyncType } from '../../src/lib/collab/protocol';
import { Connection } from './connection';
import type { Fanout, FanoutMessage } from './fanout';
import type { Persistence } from './persistence';
import { roleIn } from '../../src/lib/server/access';
import { facilitatorIds } from '../../src/lib/workshop/facilitators';
import { readMapPresences } from '../../src/lib/workshop/presence-state';
import { oversizePlanValue } from './plan-value-limits';
import { stampAwareness, type MapStampRules } from './stamp-awareness';

/** Transaction origin of what other instances sent through the fan-out: not stored or published again. */
const FANOUT_ORIGIN = Symbol('collab-fanout');

export interface RoomOptions {
	persistence: Persistence;
	fanout: Fanout | null;
	/**
	 * The longest an awareness change waits to be sent out with others (0: each at once, as it is
	 * applied). A quiet room sends at once; see `flushAwareness`.
	 */
	awarenessFlushMs: number;
	/** Called when this many updates have been stored since the last compaction. */
	compactEveryUpdates: number;
	/** Awareness client ids one connection may speak for (a browser tab has one). */
	maxAwarenessClients: number;
	/** Updates that would make the document's encoded state larger than this are refused. */
	maxDocumentBytes: number;
	onCompactDue: (room: Room) => void;
	log: (message: string) => void;
	/** Milliseconds, for measuring the room's presence work (tests pass their own). */
	now?: () => number;
}

/**
 * After sending presence out, a room waits this many times what its presence work (reading clients'
 * awareness, echoes included, and sending it out) took since the last send, before it sends again:
 * presence takes at most about a quarter of the time of the process, however many clients a room has.
 */
const PRESENCE_WORK_FACTOR = 3;

/** A malformed message from a client: its connection is closed, nothing else happens. */
export class MalformedMessage extends Error {}

/** An update that would take the document over its size cap: not applied; its connection is closed. */
export class DocumentTooLarge extends Error {}

/** An update to a plan that writes a field longer than the plan's limits: not applied; its connection is closed. */
export class FieldTooLong extends Error {}

/**
 * One loaded document and the connections editing it: applies what clients send, relays it to the
 * other clients, stores it and publishes it to other instances.
 */
export class Room {
	readonly doc = new Y.Doc();
	readonly awareness = new Awareness(this.doc);
	readonly connections = new Set<Connection>();
	/** Which connection speaks for each awareness client id. */
	private readonly awarenessOwners = new Map<number, Connection>();
	private readonly pendingAwareness = new Set<number>();
	private readonly pendingAwarenessPublish = new Set<number>();
	private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
	private awarenessImmediate: ReturnType<typeof setImmediate> | null = null;
	/** Milliseconds spent on presence since the last send, and when the next send may go. */
	private presenceWorkMs = 0;
	private nextAwarenessFlushAt = -Infinity;
	private readonly now: () => number;
	/**
	 * An upper bound of the document's encoded size: the sum of every update applied since it was last
	 * measured (measuring encodes the whole document, so it is done only when a cap is near).
	 */
	private bytesAtMost = 0;
	/** Plans have field limits (plan-value-limits.ts); the shared map has none yet. */
	private readonly limitsFields: boolean;
	updatesSinceCompaction = 0;
	unloadTimer: ReturnType<typeof setTimeout> | null = null;
	compacting: Promise<unknown> | null = null;

	constructor(
		readonly name: string,
		private readonly options: RoomOptions
	) {
		this.now = options.now ?? (() => performance.now());
		this.limitsFields = name.startsWith('plan:');
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocumentUpdate(update, origin));
		this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
			this.onAwarenessUpdate(change, origin)
		);
	}

	/** Subscribes to other instances first, then reads storage, so that no update falls between the two. */
	async load(): Promise<void> {
		const { fanout, persistence } = this.options;
		await fanout?.join(this.name, (message) => this.receiveFanout(message));
		await persistence.load(this.name, this.doc);
		// What another instance received but had not stored yet when we read: ask for it.
		fanout?.publish(this.name, {
			kind: 'state-vector',
			stateVector: Y.encodeStateVector(this.doc),
			reply: false
		});
	}

	/** After the bus was down: read what other instances stored meanwhile and exchange the rest. */
	async catchUp(): Promise<void> {
		const { fanout, persistence } = this.options;
		await persistence.load(this.name, this.doc);
		if (!fanout) return;
		fanout.publish(this.name, {
			kind: 'state-vector',
			stateVector: Y.encodeStateVector(this.doc),
			reply: true
		});
		const local = [...this.awarenessOwners.keys()];
		if (local.length > 0) {
			fanout.publish(this.name, { kind: 'awareness', update: encodeAwarenessUpdate(this.awareness, local) });
		}
	}

	add(connection: Connection): void {
		this.connections.add(connection);
		if (connection.readOnly) connection.send(readOnlyMessage());
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageTag.sync);
		encoding.writeVarUint(encoder, SyncType.step1);
		encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
		connection.send(encoding.toUint8Array(encoder));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) connection.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, states)));
	}

	remove(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		const owned = [...connection.awarenessClients].filter(
			(id) => this.awarenessOwners.get(id) === connection
		);
		for (const id of owned) this.awarenessOwners.delete(id);
		if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null);
	}

	/** Handles one binary frame from a client. Throws MalformedMessage (or a decoding error) on bad input. */
	receive(connection: Connection, message: Uint8Array): void {
		const decoder = decoding.createDecoder(message);
		const tag = decoding.readVarUint(decoder);
		switch (tag) {
			case MessageTag.sync: {
				const type = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (type === SyncType.step1) {
					const encoder = encoding.createEncoder();
					encoding.writeVarUint(encoder, MessageTag.sync);
					encoding.writeVarUint(encoder, SyncType.step2);
					encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, payload));
					connection.send(encoding.toUint8Array(encoder));
				} else if (type === SyncType.step2 || type === SyncType.update) {
					// A viewer's edits are dropped; it was told it is read-only when it connected.
					if (connection.readOnly) return;
					if (!this.fits(payload)) throw new DocumentTooLarge();
					this.checkFields(payload);
					Y.applyUpdate(this.doc, payload, connection);
					// Counted as received, not from the update event: an update missing what it builds on is
					// held aside without one, and must count too.
					this.bytesAtMost += payload.byteLength;
				} else {
					throw new MalformedMessage(`unknown sync message type ${type}`);
				}
				return;
			}
			case MessageTag.awareness: {
				const started = this.now();
				try {
					this.receiveAwareness(connection, decoding.readVarUint8Array(decoder));
				} finally {
					this.presenceWorkMs += this.now() - started;
				}
				return;
			}
			case MessageTag.queryAwareness: {
				const states = [...this.awareness.getStates().keys()];
				connection.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, states)));
				return;
			}
			case MessageTag.auth:
				return; // clients have nothing to say in the auth protocol
			default:
				throw new MalformedMessage(`unknown message tag ${tag}`);
		}
	}

	/**
	 * The stock client echoes every awareness change it receives, others' included: only entries for ids
	 * this connection owns, or new ids it announces, are taken; an id with a state from elsewhere (another
	 * connection or instance) is not up for grabs, and is skipped without decoding its state. New ids
	 * count against the cap as they are read, so that one frame cannot announce thousands at once.
	 */
	private receiveAwareness(connection: Connection, update: Uint8Array): void {
		let newIdsLeft = this.options.maxAwarenessClients - connection.awarenessClients.size;
		const states = this.awareness.getStates();
		const stamped = stampAwareness(
			update,
			connection.identity,
			(id, leaving) => {
				const owner = this.awarenessOwners.get(id);
				if (owner) return owner === connection;
				if (leaving || states.has(id) || newIdsLeft <= 0) return false;
				newIdsLeft--;
				return true;
			},
			this.mapRules(connection),
			(id) => {
				const owner = this.awarenessOwners.get(id);
				return owner ? owner !== connection : states.has(id);
			}
		);
		for (const id of stamped.clients) {
			this.awarenessOwners.set(id, connection);
			connection.awarenessClients.add(id);
		}
		if (stamped.clients.length > 0) applyAwarenessUpdate(this.awareness, stamped.update, connection);
	}

	/** On the workshop map: who administers its RCC, and who may bring everyone to their view. */
	private mapRules(connection: Connection): MapStampRules | undefined {
		if (connection.doc.kind !== 'map') return undefined;
		const admin = roleIn(connection.user, connection.doc.rccId)?.role === 'rcc_admin';
		// Asked only of a state that claims to present: reading every state costs, at 5 cursor updates a second each.
		const mayPresent = () =>
			admin ||
			facilitatorIds(readMapPresences(this.awareness.getStates()).values()).has(connection.identity.id);
		return { admin, mayPresent };
	}

	receiveFanout(message: FanoutMessage): void {
		const fanout = this.options.fanout;
		try {
			if (message.kind === 'update') {
				Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN);
			} else if (message.kind === 'awareness') {
				applyAwarenessUpdate(this.awareness, message.update, FANOUT_ORIGIN);
			} else if (fanout) {
				const missing = Y.encodeStateAsUpdate(this.doc, message.stateVector);
				// An empty update is two zero bytes (no structs, no deletions).
				if (missing.byteLength > 2) fanout.publish(this.name, { kind: 'update', update: missing });
				if (message.reply) {
					fanout.publish(this.name, {
						kind: 'state-vector',
						stateVector: Y.encodeStateVector(this.doc),
						reply: false
					});
				}
			}
		} catch (error) {
			this.options.log(`Ignored a fan-out message for ${this.name} that did not apply: ${String(error)}`);
		}
	}

	/** The full state, for snapshots and the final compaction. */
	encodeState(): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc);
	}

	destroy(): void {
		if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
		if (this.awarenessImmediate) clearImmediate(this.awarenessImmediate);
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** Whether applying `update` keeps the document within its cap (what it already holds does not count). */
	private fits(update: Uint8Array): boolean {
		const max = this.options.maxDocumentBytes;
		if (this.bytesAtMost + update.byteLength <= max) return true;
		this.bytesAtMost = Y.encodeStateAsUpdate(this.doc).byteLength;
		if (this.bytesAtMost + update.byteLength <= max) return true;
		// Near the cap, count only what the document lacks (a reconnecting client resends what it has).
		const missing = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
		return this.bytesAtMost + missing.byteLength <= max;
	}

	/**
	 * Throws FieldTooLong when the update writes a field over its limit. A value the document already
	 * holds (stored before the limits, sent back by a reconnecting client) is not the client's doing.
	 */
	private checkFields(update: Uint8Array): void {
		if (!this.limitsFields || oversizePlanValue(update) === null) return;
		const refused = oversizePlanValue(Y.diffUpdate(update, Y.encodeStateVector(this.doc)));
		if (refused !== null) throw new FieldTooLong(refused);
	}

	private onDocumentUpdate(update: Uint8Array, origin: unknown): void {
		if (!(origin instanceof Connection)) this.bytesAtMost += update.byteLength;
		if (this.connections.size > 0) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MessageTag.sync);
			encoding.writeVarUint(encoder, SyncType.update);
			encoding.writeVarUint8Array(encoder, update);
			const message = encoding.toUint8Array(encoder);
			for (const connection of this.connections) if (connection !== origin) connection.send(message);
		}
		// Only what this instance's clients sent is stored and published here: loaded updates are stored
		// already, and the instance that received a fanned-out update from its client stores it.
		if (!(origin instanceof Connection)) return;
		this.options.persistence.append(this.name, update);
		this.options.fanout?.publish(this.name, { kind: 'update', update });
		if (++this.updatesSinceCompaction >= this.options.compactEveryUpdates) {
			this.updatesSinceCompaction = 0;
			this.options.onCompactDue(this);
		}
	}

	private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
		const changed = [...added, ...updated, ...removed];
		for (const id of changed) this.pendingAwareness.add(id);
		if (origin !== FANOUT_ORIGIN) for (const id of changed) this.pendingAwarenessPublish.add(id);
		if (this.options.awarenessFlushMs <= 0) return this.flushAwareness();
		if (this.awarenessTimer !== null || this.awarenessImmediate !== null) return;
		const wait = this.nextAwarenessFlushAt - this.now();
		// At once, but after the messages read in the same turn of the event loop, which go out together.
		if (wait <= 0) this.awarenessImmediate = setImmediate(() => this.flushAwareness());
		else this.awarenessTimer = setTimeout(() => this.flushAwareness(), wait);
	}

	/**
	 * Presence goes out at once in a quiet room and is coalesced under load: one message carries every
	 * client that changed since the last one, and the next waits `PRESENCE_WORK_FACTOR` times the presence
	 * work done meanwhile (at most `awarenessFlushMs`). A few people get each other's cursors without delay;
	 * 200 people moving theirs 5 times a second do not cost 1,000 x 200 sends a second, and the more
	 * the room costs (more clients, echoes, a busy machine), the more each message carries.
	 */
	private flushAwareness(): void {
		this.awarenessTimer = null;
		this.awarenessImmediate = null;
		const started = this.now();
		if (this.pendingAwareness.size > 0 && this.connections.size > 0) {
			const message = awarenessMessage(encodeAwarenessUpdate(this.awareness, [...this.pendingAwareness]));
			for (const connection of this.connections) connection.send(message);
		}
		if (this.pendingAwarenessPublish.size > 0 && this.options.fanout) {
			const update = encodeAwarenessUpdate(this.awareness, [...this.pendingAwarenessPublish]);
			this.options.fanout.publish(this.name, { kind: 'awareness', update });
		}
		const finished = this.now();
		const work = this.presenceWorkMs + (finished - started);
		this.presenceWorkMs = 0;
		this.nextAwarenessFlushAt =
			finished + Math.min(this.options.awarenessFlushMs, work * PRESENCE_WORK_FACTOR);
		this.pendingAwareness.clear();
		this.pendingAwarenessPublish.clear();
	}
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

function awarenessMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageTag.awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

function readOnlyMessage(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageTag.auth);
	encoding.writeVarUint(encoder, AuthType.permissionDenied);
	encoding.writeVarString(encoder, READ_ONLY_REASON);
	return encoding.toUint8Array(encoder);
}
