import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { formatDocName } from '../collab/doc-name';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * A plan's live document in the browser: the Y.Doc and its y-websocket provider on `/collab/plan:<id>`
 * (the session cookie authenticates the upgrade), with the connection state as runes for the UI.
 * Cross-tab BroadcastChannel is off: every change goes through the server, which checks who may write.
 */
export class PlanConnection {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	state = $state<ConnectionState>('connecting');
	synced = $state(false);

	constructor(planId: string, location: Location = window.location) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(
			`${scheme}://${location.host}/collab`,
			formatDocName({ kind: 'plan', planId }),
			this.doc,
			{ disableBc: true, maxBackoffTime: 5000 }
		);
		this.provider.on('status', ({ status }: { status: ConnectionState }) => (this.state = status));
		this.provider.on('sync', (isSynced: boolean) => (this.synced = isSynced));
	}

	destroy(): void {
		this.provider.destroy();
		this.doc.destroy();
	}
}
