/**
 * bench:collab client side, in its own process: many stock y-websocket `WebsocketProvider`s driving one
 * scenario against the server at argv[2]. Prints `MEASURE_START` and `MEASURE_END` around the measured
 * window (the parent samples the server's CPU between them), then one JSON line of results.
 *
 * Propagation is measured end to end in this process (one clock): a sender writes its send time into the
 * document (`Y.Map` 'bench', key = its client id) or into its awareness cursor; every other client in the
 * room records `receive time - send time` when the change reaches it.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

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

// y-websocket adds a process 'exit' listener per provider.
process.setMaxListeners(0);

const [url, json] = process.argv.slice(2);
const config = JSON.parse(json) as ScenarioConfig;
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
	provider: WebsocketProvider;
}

function startClient(room: number): Client {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(url, `map:bench-${room}`, doc, {
		WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	doc.getMap<[number, number]>('bench').observe((event) => {
		if (!recording || event.transaction.local) return;
		const at = now();
		for (const key of event.keysChanged) {
			const value = event.target.get(key) as [number, number] | undefined;
			if (value) editLatencies.push(at - value[1]);
		}
	});
	provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
		if (!recording) return;
		const at = now();
		for (const id of [...added, ...updated]) {
			if (id === doc.clientID) continue;
			const cursor = (provider.awareness.getStates().get(id) as { cursor?: { t: number } } | undefined)
				?.cursor;
			if (cursor?.t) cursorLatencies.push(at - cursor.t);
		}
	});
	return { doc, provider };
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
while (clients.some((client) => !client.provider.synced) && now() < deadline) await sleep(50);
const connectMs = now() - connectStarted;
const unsynced = clients.filter((client) => !client.provider.synced).length;

for (const [index, client] of clients.entries()) {
	client.provider.awareness.setLocalState({
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
for (const client of clients) {
	let seq = 0;
	const key = String(client.doc.clientID);
	every(config.editHz, () => client.doc.getMap('bench').set(key, [++seq, now()]));
	every(config.cursorHz, () =>
		client.provider.awareness.setLocalStateField('cursor', {
			lon: -2 + Math.random(),
			lat: 53 + Math.random(),
			t: now()
		})
	);
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
const result = {
	scenario: config.name,
	clients: clients.length,
	unsynced,
	connectMs: Math.round(connectMs),
	edit: summary(editLatencies),
	cursor: summary(cursorLatencies),
	messagesToServerPerSecond: Math.round((sent - sentBefore) / seconds),
	messagesFromServerPerSecond: Math.round((received - receivedBefore) / seconds),
	clientProcessCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100)
};
console.log(`RESULT ${JSON.stringify(result)}`);
for (const client of clients) client.provider.destroy();
process.exit(0);
