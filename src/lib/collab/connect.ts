import { readAuthMessage } from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, COLLAB_PATH, MessageTag, READ_ONLY_REASON } from './protocol';
import { reconnectDelayMs } from './reconnect-delay';
import { sendOwnAwarenessOnly } from './send-own-awareness-only';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

/** What the UI shows about a document's connection (connection-state.svelte.ts bridges it to runes). */
export interface ConnectionState {
	status: ConnectionStatus;
	/** The document holds everything the server had when this connection opened. */
	synced: boolean;
	/** The server said this person may read but not write (a viewer): edits would be dropped. */
	readOnly: boolean;
	/** The copy kept on this device (IndexedDB) is loaded; edits made offline are kept there. */
	storedOnDevice: boolean;
	/** Why the server closed for good (4400-4499), e.g. access withdrawn. */
	closedBecause: string | null;
	/** The close code when closed for good (protocol.ts's `CloseCode`), for the message the UI shows. */
	closedCode: number | null;
}

export interface CollabConnection {
	doc: Y.Doc;
	provider: WebsocketProvider;
	state(): ConnectionState;
	/** Calls `listener` now and on every change; returns the unsubscribe function. */
	subscribe(listener: (state: ConnectionState) => void): () => void;
	/** Forgets the copy on this device (sign-out on a shared computer). */
	clearStoredCopy(): Promise<void>;
	destroy(): void;
}

export interface ConnectOptions {
	docName: string;
	doc?: Y.Doc;
	/** Base URL of the collaboration sockets; by default `ws(s)://<this page's host>/collab`. */
	url?: string;
	/**
	 * Keeps a copy in IndexedDB, under this key (include the person's id, so that people sharing a
	 * browser do not share copies); null or no IndexedDB (Node): no copy.
	 */
	deviceStoreKey?: string | null;
	WebSocketPolyfill?: typeof WebSocket;
	random?: () => number;
	/** Whether this browser is signed in now; by default asks `/api/me`. */
	signedIn?: () => Promise<boolean>;
}

const permanent = (code: number) => code >= 4400 && code < 4500;

/**
 * Refused upgrades (401 when the session ended while offline) reach the client as a bare 1006 after
 * which it would retry forever: after this many attempts in a row that never opened, it asks whether
 * it is still signed in.
 */
const FAILED_OPENS_BEFORE_ASKING = 3;

async function signedInHere(): Promise<boolean> {
	const response = await fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' });
	return response.ok;
}

/**
 * Connects a Yjs document to the collaboration server with y-websocket's provider, adding what the stock
 * provider lacks: reconnection with random jitter, the read-only signal of protocol.ts, an offline copy
 * in IndexedDB that merges on reconnect, and presence that sends only this client's own awareness.
 */
export function connect(options: ConnectOptions): CollabConnection {
	const doc = options.doc ?? new Y.Doc();
	const url = options.url ?? defaultUrl();
	const listeners = new Set<(state: ConnectionState) => void>();
	let state: ConnectionState = {
		status: 'connecting',
		synced: false,
		readOnly: false,
		storedOnDevice: false,
		closedBecause: null,
		closedCode: null
	};
	const update = (change: Partial<ConnectionState>) => {
		state = { ...state, ...change };
		for (const listener of listeners) listener(state);
	};

	const stored =
		options.deviceStoreKey && typeof indexedDB !== 'undefined'
			? new IndexeddbPersistence(options.deviceStoreKey, doc)
			: null;
	stored?.whenSynced.then(() => update({ storedOnDevice: true }));

	const provider = new WebsocketProvider(url, options.docName, doc, {
		connect: false,
		// Tabs sync through the server, which checks each one's access, never directly with each other.
		disableBc: true,
		WebSocketPolyfill: options.WebSocketPolyfill,
		shouldReconnect: (event) => !permanent(event.code)
	});
	sendOwnAwarenessOnly(provider);

	let readOnlyThisConnection = false;
	provider.messageHandlers[MessageTag.auth] = (_encoder, decoder) => {
		readAuthMessage(decoder, doc, (_doc, reason) => {
			if (reason === READ_ONLY_REASON) {
				readOnlyThisConnection = true;
				update({ readOnly: true });
			} else {
				console.warn(`Collaboration: permission denied for ${options.docName}: ${reason}`);
			}
		});
	};

	const signedIn = options.signedIn ?? signedInHere;
	/** Ends for good: no more reconnecting; edits would no longer reach anyone, so the UI stops them. */
	const end = (code: number, reason: string) => {
		provider.shouldConnect = false;
		// The refused update is in this device's copy too, which would send it again after a reload.
		if (code === CloseCode.documentTooLarge || code === CloseCode.fieldTooLong) void stored?.clearData();
		update({ status: 'closed', closedCode: code, closedBecause: reason || `code ${code}`, readOnly: true });
	};
	const askSignedIn = () => signedIn().catch(() => false);

	// The stock provider reconnects without jitter; take over: stop its scheduled attempt, schedule ours.
	let attempt = 0;
	let failedOpens = 0;
	let openedThisAttempt = false;
	let resumedAfterSessionEnded = false;
	let retry: ReturnType<typeof setTimeout> | null = null;
	let destroyed = false;
	provider.on('connection-close', (event) => {
		if (destroyed || !provider.shouldConnect) return; // closed on purpose (disconnect, destroy)
		if (event && permanent(event.code)) return; // the provider stops and emits 'closed'
		provider.shouldConnect = false;
		failedOpens = openedThisAttempt ? 0 : failedOpens + 1;
		openedThisAttempt = false;
		const delay = reconnectDelayMs(attempt++, { random: options.random });
		const reconnect = () => {
			retry = setTimeout(() => {
				retry = null;
				if (!destroyed) provider.connect();
			}, delay);
		};
		if (failedOpens < FAILED_OPENS_BEFORE_ASKING) return reconnect();
		void askSignedIn().then((yes) => {
			if (destroyed) return;
			if (yes) reconnect();
			else end(CloseCode.sessionEnded, 'session ended');
		});
	});
	provider.on('closed', ({ code, reason }) => {
		// The session this socket opened with ended, but the browser may hold a newer one (a password
		// changed in another tab starts one): try once more if so.
		if (code !== CloseCode.sessionEnded || resumedAfterSessionEnded) return end(code, reason);
		resumedAfterSessionEnded = true;
		update({ status: 'connecting', synced: false });
		// The server closes as the change commits, before the response carrying the new cookie has
		// arrived: ask after a pause, and once more after a longer one.
		const ask = (asked: number) => {
			retry = setTimeout(
				() => {
					retry = null;
					void askSignedIn().then((yes) => {
						if (destroyed) return;
						if (yes) provider.connect();
						else if (asked < 1) ask(asked + 1);
						else end(code, reason);
					});
				},
				reconnectDelayMs(3 + asked, { random: options.random })
			);
		};
		ask(0);
	});
	provider.on('status', ({ status }) => {
		if (status === 'connected') {
			readOnlyThisConnection = false;
			openedThisAttempt = true;
		}
		if (state.status === 'closed') return;
		update({ status, ...(status === 'connected' ? {} : { synced: false }) });
	});
	provider.on('sync', (synced: boolean) => {
		if (!synced) return update({ synced });
		attempt = 0;
		resumedAfterSessionEnded = false;
		// Access may have changed since the last connection: what this one said is what holds.
		update({ synced, readOnly: readOnlyThisConnection });
	});

	provider.connect();

	return {
		doc,
		provider,
		state: () => state,
		subscribe(listener) {
			listeners.add(listener);
			listener(state);
			return () => listeners.delete(listener);
		},
		async clearStoredCopy() {
			await stored?.clearData();
			update({ storedOnDevice: false });
		},
		destroy() {
			destroyed = true;
			if (retry) clearTimeout(retry);
			listeners.clear();
			provider.destroy();
			void stored?.destroy();
		}
	};
}

function defaultUrl(): string {
	if (typeof location === 'undefined') throw new Error('connect() needs `url` outside a browser');
	const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${protocol}//${location.host}${COLLAB_PATH.replace(/\/$/, '')}`;
}
