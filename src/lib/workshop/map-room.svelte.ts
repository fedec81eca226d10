import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connect, type CollabConnection, type ConnectOptions } from '../collab/connect';
import { CollabConnectionState } from '../collab/connection-state.svelte';
import { formatDocName } from '../collab/doc-name';
import { workshopParts } from './schema';

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
	#connection: CollabConnection;

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
	}

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
		this.undoManager.destroy();
		this.connection.destroy();
		this.#connection.destroy();
	}
}
