import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connect, type CollabConnection, type ConnectOptions } from '../collab/connect';
import { CollabConnectionState } from '../collab/connection-state.svelte';
import { formatDocName } from '../collab/doc-name';
import { authorsOf, describeChange } from './describe-change';
import { workshopParts } from './schema';

/** Someone else's change, in words, with who made it when the room knows (null: not known). */
export interface RemoteChange {
	who: string | null;
	what: string;
}

export type MapRoomOptions = Pick<ConnectOptions, 'url' | 'WebSocketPolyfill' | 'signedIn'>;

/**
 * The map page's one connection to its RCC's workshop document `map:<rccId>`: the Y.Doc, its awareness
 * (presence rides on it), the connection's state, and undo of this page's own changes. Components read
 * `version` to hear that the document changed (any origin) and read the document through schema.ts.
 */
export class MapRoom {
	readonly rccId: string;
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
	readonly connection: CollabConnectionState;
	/**
	 * The origin of every change this page makes (schema.ts's writers take it): the undo manager tracks
	 * this origin only, so undo never takes back what someone else did.
	 */
	readonly origin: object = { mapRoom: true };
	readonly undoManager: Y.UndoManager;
	/** Bumped on every change of the document, local or remote. */
	version = $state(0);
	canUndo = $state(false);
	canRedo = $state(false);
	/** The last change someone else made, said to everyone politely (screen readers included). */
	lastRemoteChange = $state<RemoteChange | null>(null);
	#connection: CollabConnection;
	/**
	 * "Name (LA)" per awareness client id, as the server stamped them: kept after they leave, so that a
	 * change arriving late is still theirs. Plain map: read only by the transaction handler.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #people = new Map<number, string>();

	constructor(rccId: string, options: MapRoomOptions = {}) {
		this.rccId = rccId;
		this.#connection = connect({
			docName: formatDocName({ kind: 'map', rccId }),
			// The workshop is live or not at all: a copy on the device would show a stale scenario as current.
			deviceStoreKey: null,
			...options
		});
		this.doc = this.#connection.doc;
		this.awareness = this.#connection.provider.awareness;
		this.connection = new CollabConnectionState(this.#connection);
		const { scenarios, notes, areas, scenes } = workshopParts(this.doc);
		this.undoManager = new Y.UndoManager([scenarios, notes, areas, scenes], {
			// Yjs's own set of origins, never read by a template.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			trackedOrigins: new Set([this.origin])
		});
		const stacks = () => {
			this.canUndo = this.undoManager.canUndo();
			this.canRedo = this.undoManager.canRedo();
		};
		this.undoManager.on('stack-item-added', stacks);
		this.undoManager.on('stack-item-popped', stacks);
		this.undoManager.on('stack-cleared', stacks);
		this.doc.on('update', this.#bump);
		this.doc.on('afterTransaction', this.#onTransaction);
		this.awareness.on('change', this.#onAwareness);
	}

	#onAwareness = () => {
		for (const [client, state] of this.awareness.getStates()) {
			const user = (state as { user?: { name?: unknown; la?: unknown; laName?: unknown } }).user;
			if (typeof user?.name !== 'string') continue;
			const la = typeof user.laName === 'string' ? user.laName : typeof user.la === 'string' ? user.la : null;
			this.#people.set(client, la ? `${user.name} (${la})` : user.name);
		}
	};

	#onTransaction = (transaction: Y.Transaction) => {
		if (transaction.local) return;
		const what = describeChange(this.doc, transaction);
		if (!what) return;
		const names = authorsOf(transaction).flatMap((client) => this.#people.get(client) ?? []);
		this.lastRemoteChange = { who: names.length ? names.join(', ') : null, what };
	};

	/** Whether this page may change the document now (the server said read-only, or it closed). */
	get writable(): boolean {
		return !this.connection.readOnly && this.connection.status !== 'closed';
	}

	undo(): void {
		this.undoManager.undo();
	}

	redo(): void {
		this.undoManager.redo();
	}

	#bump = () => {
		this.version++;
	};

	destroy(): void {
		this.doc.off('update', this.#bump);
		this.doc.off('afterTransaction', this.#onTransaction);
		this.awareness.off('change', this.#onAwareness);
		this.undoManager.destroy();
		this.connection.destroy();
		this.#connection.destroy();
	}
}
