import { connect, type CollabConnection } from '../collab/connect';
import { deviceCopyKey } from '../collab/device-copies';
import { CollabConnectionState } from '../collab/connection-state.svelte';
import { formatDocName } from '../collab/doc-name';

/**
 * A plan's live document in the browser: `plan:<id>` through the collaboration client (src/lib/collab:
 * y-websocket with jittered reconnection, the read-only signal, and a copy on this device per person so
 * that offline edits survive a reload and merge on reconnection), with its state as runes for the UI.
 */
export class PlanConnection {
	readonly connection: CollabConnection;
	readonly state: CollabConnectionState;

	constructor(planId: string, personId: number | string) {
		const docName = formatDocName({ kind: 'plan', planId });
		this.connection = connect({ docName, deviceStoreKey: deviceCopyKey(personId, docName) });
		this.state = new CollabConnectionState(this.connection);
	}

	get doc() {
		return this.connection.doc;
	}

	get provider() {
		return this.connection.provider;
	}

	destroy(): void {
		this.state.destroy();
		this.connection.destroy();
	}
}
