import { closedNotice, type ClosedNotice } from './closed-notice';
import type { CollabConnection, ConnectionState, ConnectionStatus } from './connect';

/**
 * A document's connection as reactive state for components: `status`, `synced`, `readOnly`, and a short
 * `label` for the status line ("Saved on this device; reconnecting…").
 */
export class CollabConnectionState {
	status = $state<ConnectionStatus>('connecting');
	synced = $state(false);
	readOnly = $state(false);
	storedOnDevice = $state(false);
	closedBecause = $state<string | null>(null);
	closedCode = $state<number | null>(null);

	label = $derived.by(() => {
		if (this.status === 'closed') return `Disconnected: ${this.closedBecause ?? 'closed by the server'}`;
		if (this.status === 'connected' && this.synced) return this.readOnly ? 'Live, read only' : 'Live';
		if (this.status === 'connected' || this.status === 'connecting') return 'Connecting…';
		return this.storedOnDevice
			? 'Offline: changes are kept on this device and sent when back online'
			: 'Offline: reconnecting…';
	});

	/** What to tell the person once the server closed for good (signed out, access withdrawn...). */
	notice = $derived<ClosedNotice | null>(
		this.status === 'closed' ? closedNotice(this.closedCode, this.closedBecause) : null
	);

	/** Whether edits reach others now. */
	live = $derived(this.status === 'connected' && this.synced);

	#unsubscribe: () => void;

	constructor(connection: Pick<CollabConnection, 'subscribe'>) {
		this.#unsubscribe = connection.subscribe((state) => this.#apply(state));
	}

	destroy(): void {
		this.#unsubscribe();
	}

	#apply(state: ConnectionState): void {
		this.status = state.status;
		this.synced = state.synced;
		this.readOnly = state.readOnly;
		this.storedOnDevice = state.storedOnDevice;
		this.closedBecause = state.closedBecause;
		this.closedCode = state.closedCode;
	}
}
