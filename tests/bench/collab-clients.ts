/**
 * bench:collab client side, in its own process: many clients driving one scenario against the server at
 * argv[2], each of the kind argv[4] names (`ClientKind`). Prints `MEASURE_START` and `MEASURE_END` around
 * the measured window (the parent samples the server's CPU between them), then one JSON line of results.
 *
 * Propagation is measured end to end in this process (one clock): a sender writes its send time into the
 * document (`Y.Map` 'bench', key = its client id) or into its awareness cursor; every other client in the
 * room records `receive time - send time` when the change reaches it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect } from '../../src/lib/collab/connect';

export interface ScenarioConfig {
	name: string;
	rooms: number;
	clientsPerRoom: number;
	/** Edits per second per client. */
	editHz: number;
	/** Cursor moves per second per client. */
	cursorHz: number;
	warmupMs: number;
	durationMs: number;
}

/**
 * - `stock`: y-websocket's `WebsocketProvider` as it comes (it sends every awareness change it
 *   receives back to the server);
 * - `project`: this project's browser client (src/lib/collab/connect.ts), which sends only its own;
 * - `hocuspocus`: `@hocuspocus/provider` (Hocuspocus speaks its own protocol), without the listeners
 *   that copy every awareness state into an array on every change (`awarenessUpdate`/`awarenessChange`
 *   events nobody here reads; with them the client process, not the server, is the bottleneck). They
 *   change nothing on the wire.
 */
export type ClientKind = 'stock' | 'project' | 'hocuspocus';

// y-websocket adds a process 'exit' listener per provider.
process.setMaxListeners(0);

const [url, json, kindArgument] = process.argv.slice(2);
const config = JSON.parse(json) as ScenarioConfig;
const kind = (kindArgument ?? 'stock') as ClientKind;
const now = () => performance.timeOrigin + performance.now();

let received = 0;
let sent = 0;
class CountingWebSocket extends WebSocket {
	constructor(address: string | URL, protocols?: string | string[]) {
		super(address, protocols, { perMessageDeflate: false });
		this.on('message', () => received++);
		const send = this.send.bind(this);
		this.send = ((...args: Parameters<typeof send>) => {
			sent++;
			return send(...args);
		}) as typeof send;
	}
}

let recording = false;
const editLatencies: number[] = [];
const cursorLatencies: number[] = [];

interface Client {
	doc: Y.Doc;
	awareness: Awareness;
	synced(): boolean;
	destroy(): void;
}

const Socket = CountingWebSocket as unknown as typeof globalThis.WebSocket;

function open(docName: string, doc: Y.Doc): Client {
	if (kind === 'hocuspocus') {
		// One socket per provider, as a page with one document has.
		const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
		const provider = new HocuspocusProvider({ websocketProvider, name: docName, document: doc });
		provider.attach();
		const awareness = provider.awareness as Awareness;
		stripStateCopies(awareness, provider.boundAwarenessUpdateHandler);
		return {
			doc,
			awareness,
			synced: () => provider.isSynced,
			destroy: () => {
				provider.destroy();
				websocketProvider.destroy();
			}
		};
	}
	if (kind === 'project') {
		const connection = connect({ docName, doc, url, WebSocketPolyfill: Socket });
		return {
			doc,
			awareness: connection.provider.awareness,
			synced: () => connection.state().synced,
			destroy: () => connection.destroy()
		};
	}
	const provider = new WebsocketProvider(url, docName, doc, { WebSocketPolyfill: Socket, disableBc: true });
	return {
		doc,
		awareness: provider.awareness,
		synced: () => provider.synced,
		destroy: () => provider.destroy()
	};
}

/** Removes every awareness listener the provider added except the one that sends local changes. */
function stripStateCopies(awareness: Awareness, keep: unknown): void {
	const observers = (awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers;
	observers.delete('change');
	const update = observers.get('update');
	if (update) for (const listener of [...update]) if (listener !== keep) update.delete(listener);
}

function startClient(room: number): Client {
	const doc = new Y.Doc();
	const client = open(`map:bench-${room}`, doc);
	const awareness = client.awareness;
	doc.getMap<[number, number]>('bench').observe((event) => {
		if (!recording || event.transaction.local) return;
		const at = now();
		for (const key of event.keysChanged) {
			const value = event.target.get(key) as [number, number] | undefined;
			if (value) editLatencies.push(at - value[1]);
		}
	});
	awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
		if (!recording) return;
		const at = now();
		for (const id of [...added, ...updated]) {
			if (id === doc.clientID) continue;
			const cursor = (awareness.getStates().get(id) as { cursor?: { t: number } } | undefined)?.cursor;
			if (cursor?.t) cursorLatencies.push(at - cursor.t);
		}
	});
	return client;
}

function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
	return {
		count: sorted.length,
		p50: round(percentile(sorted, 50)),
		p99: round(percentile(sorted, 99)),
		max: round(sorted.at(-1) ?? null)
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const connectStarted = now();
const clients: Client[] = [];
// Connect in waves, as people arrive, rather than 1,000 handshakes in one tick.
for (let room = 0; room < config.rooms; room++) {
	for (let i = 0; i < config.clientsPerRoom; i++) {
		clients.push(startClient(room));
		if (clients.length % 50 === 0) await sleep(20);
	}
}
const deadline = now() + 60_000;
while (clients.some((client) => !client.synced()) && now() < deadline) await sleep(50);
const connectMs = now() - connectStarted;
const unsynced = clients.filter((client) => !client.synced()).length;

for (const [index, client] of clients.entries()) {
	client.awareness.setLocalState({
		user: { name: `Bench ${index}`, la: null, color: '#0072B2' },
		cursor: null
	});
}

const timers: ReturnType<typeof setInterval>[] = [];
function every(hz: number, action: () => void) {
	if (hz <= 0) return;
	const period = 1000 / hz;
	// Random phase: clients do not all act in the same millisecond.
	setTimeout(() => {
		action();
		timers.push(setInterval(action, period));
	}, Math.random() * period);
}
let cursorMovesMeasured = 0;
for (const client of clients) {
	let seq = 0;
	const key = String(client.doc.clientID);
	every(config.editHz, () => client.doc.getMap('bench').set(key, [++seq, now()]));
	every(config.cursorHz, () => {
		if (recording) cursorMovesMeasured++;
		client.awareness.setLocalStateField('cursor', {
			lon: -2 + Math.random(),
			lat: 53 + Math.random(),
			t: now()
		});
	});
}

await sleep(config.warmupMs);
const cpuBefore = process.cpuUsage();
const receivedBefore = received;
const sentBefore = sent;
const started = now();
recording = true;
console.log('MEASURE_START');
await sleep(config.durationMs);
recording = false;
console.log('MEASURE_END');
const seconds = (now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);

for (const timer of timers) clearInterval(timer);
// Nothing undelivered: once the last moves have had time to arrive (up to 15 s on a busy machine),
// every client holds every other client's last cursor in its room (a move superseded by a later one of
// the same sender may be skipped).
function countUndelivered(): number {
	let pairs = 0;
	for (let room = 0; room < config.rooms; room++) {
		const members = clients.slice(room * config.clientsPerRoom, (room + 1) * config.clientsPerRoom);
		for (const sender of members) {
			const last = (sender.awareness.getLocalState() as { cursor?: { t: number } } | null)?.cursor?.t;
			for (const receiver of members) {
				if (receiver === sender) continue;
				const seen = (
					receiver.awareness.getStates().get(sender.doc.clientID) as { cursor?: { t: number } } | undefined
				)?.cursor?.t;
				if (seen !== last) pairs++;
			}
		}
	}
	return pairs;
}
let undelivered = 0;
if (config.cursorHz > 0) {
	const settleBy = now() + 15_000;
	do {
		await sleep(250);
		undelivered = countUndelivered();
	} while (undelivered > 0 && now() < settleBy);
}
const result = {
	scenario: config.name,
	clients: clients.length,
	unsynced,
	connectMs: Math.round(connectMs),
	edit: summary(editLatencies),
	cursor: summary(cursorLatencies),
	/** Cursor moves sent during the measured window, and what share of their (n - 1) deliveries arrived. */
	cursorMoves: cursorMovesMeasured,
	cursorDeliveredShare:
		cursorMovesMeasured > 0
			? Math.round((cursorLatencies.length / (cursorMovesMeasured * (config.clientsPerRoom - 1))) * 1000) /
				1000
			: null,
	/** Receiver-sender pairs whose last cursor never arrived (must be 0). */
	undelivered,
	messagesToServerPerSecond: Math.round((sent - sentBefore) / seconds),
	messagesFromServerPerSecond: Math.round((received - receivedBefore) / seconds),
	clientProcessCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100)
};
console.log(`RESULT ${JSON.stringify(result)}`);
for (const client of clients) client.destroy();
process.exit(0);
