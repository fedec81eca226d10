import { describe, expect, it } from 'vitest';
import type { ConnectionState } from './connect';
import { CollabConnectionState } from './connection-state.svelte';

function source() {
	let listener: ((state: ConnectionState) => void) | null = null;
	let state: ConnectionState = {
		status: 'connecting',
		synced: false,
		readOnly: false,
		storedOnDevice: false,
		closedBecause: null,
		closedCode: null
	};
	return {
		subscribe(next: (state: ConnectionState) => void) {
			listener = next;
			next(state);
			return () => (listener = null);
		},
		emit(change: Partial<ConnectionState>) {
			state = { ...state, ...change };
			listener?.(state);
		},
		get subscribed() {
			return listener !== null;
		}
	};
}

describe('CollabConnectionState', () => {
	it('follows the connection and labels it', () => {
		const connection = source();
		const state = new CollabConnectionState(connection);
		expect(state.label).toBe('Connecting…');
		connection.emit({ status: 'connected', synced: true });
		expect(state.live).toBe(true);
		expect(state.label).toBe('Live');
		connection.emit({ readOnly: true });
		expect(state.label).toBe('Live, read only');
		connection.emit({ status: 'disconnected', synced: false, storedOnDevice: true });
		expect(state.live).toBe(false);
		expect(state.label).toMatch(/kept on this device/);
		expect(state.notice).toBeNull();
		connection.emit({ status: 'closed', closedBecause: 'access withdrawn', closedCode: 4403 });
		expect(state.label).toBe('Disconnected: access withdrawn');
		expect(state.notice?.title).toBe('You no longer have access to this document');
		state.destroy();
		expect(connection.subscribed).toBe(false);
	});
});
