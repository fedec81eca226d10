import WebSocket from 'ws';
import type { RateLimiter } from './rate-limit';
import type { PresenceIdentity } from './stamp-awareness';
import type { CollabUser } from './types';

/** One client socket in a room. */
export class Connection {
	readonly identity: PresenceIdentity;
	/** Awareness client ids this connection speaks for (removed from the room when it leaves). */
	readonly awarenessClients = new Set<number>();
	alive = true;
	closed = false;

	constructor(
		readonly socket: WebSocket,
		readonly user: CollabUser,
		readonly access: 'write' | 'read',
		readonly limiter: RateLimiter,
		private readonly maxBufferedBytes: number
	) {
		this.identity = { id: user.id, name: user.name, la: user.la?.code ?? null };
	}

	get readOnly(): boolean {
		return this.access === 'read';
	}

	send(message: Uint8Array): void {
		if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
		// A client that stopped reading must not make the server hold its backlog.
		if (this.socket.bufferedAmount > this.maxBufferedBytes) {
			this.close(1013, 'too slow');
			return;
		}
		this.socket.send(message);
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		try {
			this.socket.close(code, reason);
		} catch {
			this.socket.terminate();
		}
	}
}
