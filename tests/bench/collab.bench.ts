/**
 * `npm run bench:collab`: the collaboration scenarios of DESIGN.md ("Budgets") against this project's
 * server and, in the same run and harness, two references: `@y/websocket-server` 0.1.1 and Hocuspocus
 * 4.7 (`@hocuspocus/server`, defaults, no extensions). Each server runs compiled to JavaScript (as
 * `npm start` runs ours) in its own process, the clients in another: ours through this project's
 * client (connect.ts), the y-websocket server through the stock provider, Hocuspocus through its own
 * provider (collab-clients.ts). Ours also runs with persistence stubbed out, for what the collaboration
 * server itself holds. The servers alternate within each scenario. Prints p50/p99 propagation,
 * messages per second, server CPU and resident memory, the ratios to both references and the load
 * average; then the time to compact 20,000 stored updates (our server only); saves the figures under
 * bench-results/.
 *
 * Env: BENCH_DURATION_MS (measured window per scenario, default 20,000), BENCH_ONLY (a scenario name
 * fragment), BENCH_STOCK_CLIENTS=1 (ours is also measured with stock y-websocket clients, which send
 * back every awareness change they receive), DATABASE_URL (our server stores in that Postgres; default:
 * embedded PGlite in its process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { buildServer } from '../../server/build-server.js';
import type { ClientKind, ScenarioConfig } from './collab-clients';
import { measureCompaction, type CompactionFigures } from './collab-compaction';

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 20_000);
const scenarios: (ScenarioConfig & { budget: string })[] = [
	{
		name: '50 editors at 2 Hz',
		rooms: 1,
		clientsPerRoom: 50,
		editHz: 2,
		cursorHz: 0,
		warmupMs: 3000,
		durationMs,
		budget: 'edit p99 <= 100 ms'
	},
	{
		name: '200 clients in one room with cursors',
		rooms: 1,
		clientsPerRoom: 200,
		editHz: 0,
		cursorHz: 1,
		warmupMs: 3000,
		durationMs,
		budget: 'cursor p99 <= 300 ms and <= half the reference p99'
	},
	{
		name: '200 clients in one room with cursors at 5 Hz',
		rooms: 1,
		clientsPerRoom: 200,
		editHz: 0,
		cursorHz: 5,
		warmupMs: 3000,
		durationMs,
		budget: 'every cursor move delivered; p99 no worse than before'
	},
	{
		name: '1,000 connections in 40 rooms',
		rooms: 40,
		clientsPerRoom: 25,
		editHz: 0.2,
		cursorHz: 0.2,
		warmupMs: 5000,
		durationMs,
		budget: 'server RSS <= 250 MB'
	}
].filter((scenario) => !process.env.BENCH_ONLY || scenario.name.includes(process.env.BENCH_ONLY));

interface BenchServer {
	name: string;
	script: string;
	port: number;
	client: ClientKind;
	env?: Record<string, string>;
	/** Clients connect to `ws://127.0.0.1:<port><path>` (Hocuspocus takes the document name from its messages). */
	path: string;
}

const OURS = 'close-to-home';
const OURS_NO_STORAGE = 'close-to-home, persistence stubbed';
const Y_WEBSOCKET = '@y/websocket-server 0.1.1';
const HOCUSPOCUS = 'Hocuspocus 4.7';
const servers: BenchServer[] = [
	{ name: OURS, script: 'collab-server-ours', port: 3107, client: 'project', path: '/collab' },
	{
		name: OURS_NO_STORAGE,
		script: 'collab-server-ours',
		port: 3109,
		client: 'project',
		env: { BENCH_STORAGE: 'none' },
		path: '/collab'
	},
	...(process.env.BENCH_STOCK_CLIENTS === '1'
		? [
				{
					name: 'close-to-home, stock clients',
					script: 'collab-server-ours',
					port: 3111,
					client: 'stock' as const,
					path: '/collab'
				}
			]
		: []),
	{ name: Y_WEBSOCKET, script: 'collab-server-reference', port: 3108, client: 'stock', path: '/collab' },
	{ name: HOCUSPOCUS, script: 'collab-server-hocuspocus', port: 3110, client: 'hocuspocus', path: '' }
];

// Every server compiled as `npm run build` compiles ours: no TypeScript loader in any measured process.
const compiledDir = path.resolve('node_modules/.cache/close-to-home-bench');
fs.rmSync(compiledDir, { recursive: true, force: true });
await buildServer({
	entries: [...new Set(servers.map((server) => `tests/bench/${server.script}.ts`))],
	outdir: compiledDir
});

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

function cpuTicks(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function rssMegabytes(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function run(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
	const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
	return spawn(process.execPath, [...loader, script, ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
}

function lines(child: ChildProcess, onLine: (line: string) => void): void {
	readline.createInterface({ input: child.stdout! }).on('line', onLine);
}

async function startServer(server: BenchServer): Promise<ChildProcess> {
	const child = run(path.join(compiledDir, `${server.script}.js`), [], {
		...server.env,
		PORT: String(server.port)
	});
	await new Promise<void>((resolve, reject) => {
		lines(child, (line) => line.startsWith('READY') && resolve());
		child.once('exit', (code) => reject(new Error(`${server.name} exited with ${code} before it was ready`)));
	});
	return child;
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

interface Measured {
	server: string;
	client: ClientKind;
	loadAverage: number;
	clientResult: Record<string, unknown> & {
		edit: { p50: number | null; p99: number | null; count: number };
		cursor: { p50: number | null; p99: number | null; count: number };
		cursorDeliveredShare: number | null;
		undelivered: number;
	};
	serverCpuPercent: number;
	serverRssMbPeak: number;
	serverRssMbEnd: number;
	serverRssMbIdle: number;
}

async function measure(server: BenchServer, scenario: ScenarioConfig): Promise<Measured> {
	const serverProcess = await startServer(server);
	const pid = serverProcess.pid as number;
	// Before any client: what the process holds anyway (with embedded PGlite, its WebAssembly heap).
	const idle = rssMegabytes(pid);
	const clients = run('tests/bench/collab-clients.ts', [
		`ws://127.0.0.1:${server.port}${server.path}`,
		JSON.stringify(scenario),
		server.client
	]);
	let ticksAtStart = 0;
	let timeAtStart = 0;
	let cpuPercent = 0;
	let peak = 0;
	let sampler: ReturnType<typeof setInterval> | null = null;
	const result = await new Promise<Measured['clientResult']>((resolve, reject) => {
		lines(clients, (line) => {
			if (line === 'MEASURE_START') {
				ticksAtStart = cpuTicks(pid);
				timeAtStart = performance.now();
				sampler = setInterval(() => (peak = Math.max(peak, rssMegabytes(pid))), 250);
			} else if (line === 'MEASURE_END') {
				const seconds = (performance.now() - timeAtStart) / 1000;
				cpuPercent = ((cpuTicks(pid) - ticksAtStart) / CLOCK_TICKS_PER_SECOND / seconds) * 100;
				if (sampler) clearInterval(sampler);
			} else if (line.startsWith('RESULT ')) {
				resolve(JSON.parse(line.slice('RESULT '.length)));
			}
		});
		clients.once('exit', (code) => code !== 0 && reject(new Error(`clients exited with ${code}`)));
	});
	const end = rssMegabytes(pid);
	await stop(clients);
	await stop(serverProcess);
	return {
		server: server.name,
		client: server.client,
		loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
		clientResult: result,
		serverCpuPercent: Math.round(cpuPercent),
		serverRssMbPeak: Math.round(Math.max(peak, end)),
		serverRssMbEnd: Math.round(end),
		serverRssMbIdle: Math.round(idle)
	};
}

const ratio = (ours: number | null, reference: number | null) =>
	ours !== null && reference !== null && reference > 0 ? Math.round((ours / reference) * 100) / 100 : null;

function ratiosTo(ours: Measured, reference: Measured) {
	const a = ours.clientResult;
	const b = reference.clientResult;
	return {
		editP50: ratio(a.edit.p50, b.edit.p50),
		editP99: ratio(a.edit.p99, b.edit.p99),
		cursorP50: ratio(a.cursor.p50, b.cursor.p50),
		cursorP99: ratio(a.cursor.p99, b.cursor.p99),
		serverCpu: ratio(ours.serverCpuPercent, reference.serverCpuPercent),
		serverRss: ratio(ours.serverRssMbPeak, reference.serverRssMbPeak)
	};
}

const report: Record<string, unknown>[] = [];
console.log(
	`bench:collab on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0].toFixed(1)}; ` +
		`our server stores in ${process.env.DATABASE_URL ? 'the Postgres server at DATABASE_URL' : 'embedded PGlite (in its process)'}; ` +
		`${durationMs / 1000} s measured per scenario`
);
for (const [index, scenario] of scenarios.entries()) {
	const runs: Measured[] = [];
	// Alternating: every other scenario runs the servers in the opposite order, so that a machine growing
	// busier or quieter during the run does not always favour the same server.
	const order = index % 2 === 0 ? servers : [...servers].reverse();
	for (const server of order) {
		try {
			runs.push(await measure(server, scenario));
		} catch (error) {
			console.error(`${scenario.name} on ${server.name} failed: ${String(error)}`);
		}
	}
	runs.sort(
		(a, b) => servers.findIndex((s) => s.name === a.server) - servers.findIndex((s) => s.name === b.server)
	);
	console.log(
		`\n${scenario.name} (${scenario.rooms} room(s) x ${scenario.clientsPerRoom}; budget: ${scenario.budget})`
	);
	for (const measured of runs) {
		const r = measured.clientResult;
		const kind =
			scenario.editHz > 0 && scenario.cursorHz === 0
				? 'edit'
				: scenario.cursorHz > 0 && scenario.editHz === 0
					? 'cursor'
					: null;
		const show = (name: 'edit' | 'cursor') =>
			r[name].count > 0 ? `${name} p50 ${r[name].p50} ms p99 ${r[name].p99} ms (n=${r[name].count})` : '';
		console.log(
			`  ${measured.server.padEnd(34)} ${[kind ? show(kind) : `${show('edit')}; ${show('cursor')}`].join('')}; ` +
				`${r.messagesToServerPerSecond} msg/s in, ${r.messagesFromServerPerSecond} msg/s out; ` +
				`server CPU ${measured.serverCpuPercent}% RSS ${measured.serverRssMbPeak} MB ` +
				`(${measured.serverRssMbIdle} MB before clients); ` +
				`connect ${r.connectMs} ms${r.unsynced ? `, ${r.unsynced} never synced` : ''}; ` +
				(scenario.cursorHz > 0
					? `cursor moves delivered ${Math.round((r.cursorDeliveredShare ?? 0) * 100)}%, last ones undelivered ${r.undelivered}; `
					: '') +
				`client process CPU ${r.clientProcessCpuPercent}%; load ${measured.loadAverage}`
		);
	}
	const find = (name: string) => runs.find((measured) => measured.server === name);
	const ours = find(OURS);
	const stubbed = find(OURS_NO_STORAGE);
	const ratios: Record<string, ReturnType<typeof ratiosTo>> = {};
	for (const reference of [find(Y_WEBSOCKET), find(HOCUSPOCUS)]) {
		if (!reference) continue;
		for (const [label, measured] of [
			['ours', ours],
			['ours, persistence stubbed', stubbed]
		] as const) {
			if (!measured) continue;
			const r = ratiosTo(measured, reference);
			ratios[`${label} / ${reference.server}`] = r;
			console.log(
				`  ratios ${label} / ${reference.server}: edit p50 ${r.editP50 ?? '-'} p99 ${r.editP99 ?? '-'}, ` +
					`cursor p50 ${r.cursorP50 ?? '-'} p99 ${r.cursorP99 ?? '-'}, CPU ${r.serverCpu ?? '-'}, RSS ${r.serverRss ?? '-'}`
			);
		}
	}
	report.push({ scenario, runs, ratios });
}

const COMPACTION = 'compacting 20,000 updates';
let compaction: CompactionFigures | null = null;
if (!process.env.BENCH_ONLY || COMPACTION.includes(process.env.BENCH_ONLY)) {
	compaction = await measureCompaction(20_000, 3);
	console.log(
		`\n${COMPACTION} (budget: <= 1 s) on ${compaction.storage}: best ${compaction.bestMs} ms ` +
			`of ${compaction.runsMs.join(', ')} ms`
	);
}

const result = {
	when: new Date().toISOString(),
	machine: {
		cpus: os.cpus().length,
		model: os.cpus()[0]?.model,
		loadAverage: os.loadavg(),
		node: process.version
	},
	storage: process.env.DATABASE_URL ? 'postgres' : 'embedded',
	scenarios: report,
	compaction
};
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync(
	`bench-results/collab-${result.when.replace(/[:.]/g, '-')}.json`,
	JSON.stringify(result, null, 2)
);
fs.writeFileSync('bench-results/collab-latest.json', JSON.stringify(result, null, 2));
console.log('\nSaved bench-results/collab-latest.json');
