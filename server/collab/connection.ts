import WebSocket from 'ws';
import type { DocName } from '../../src/lib/collab/doc-name';
import type { RateLimiter } from './rate-limit';
import type { PresenceIdentity } from './stamp-awareness';
import type { CollabSession, CollabUser } from './types';

/** One client socket in a room. */
export class Connection {
	readonly identity: PresenceIdentity;
	/** Awareness client ids this connection speaks for (removed from the room when it leaves). */
	readonly awarenessClients = new Set<number>();
	/** The person as last checked (server.ts checks the session again every few seconds). */
	user: CollabUser;
	readonly sessionId: string;
	alive = true;
	closed = false;

	constructor(
		readonly socket: WebSocket,
		session: CollabSession,
		readonly doc: DocName,
		readonly access: 'write' | 'read',
		readonly limiter: RateLimiter,
		private readonly maxBufferedBytes: number
	) {
		this.user = session.user;
		this.sessionId = session.id;
		const { id, name, la } = session.user;
		this.identity = { id, name, la: la?.code ?? null, laName: la?.name ?? null };
	}

	get readOnly(): boolean {
		return this.access === 'read';
	}

	send(message: Uint8Array): void {
		if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
		// A client that stopped reading must not make the server hold its backlog. Terminated, not closed:
		// a close frame would queue behind the backlog and keep it for ws's 30 s closing timeout.
		if (this.socket.bufferedAmount > this.maxBufferedBytes) {
			this.closed = true;
			this.socket.terminate();
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
