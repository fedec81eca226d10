/**
 * `npm run bench:collab`: the collaboration scenarios of DESIGN.md ("Budgets") against this project's
 * server and, in the same run, the reference `@y/websocket-server` 0.1.1, each server in its own process
 * and the clients in another. Prints p50/p99 propagation, messages per second, server CPU and resident
 * memory, and the ratios; then the time to compact 20,000 stored updates (our server only); saves the
 * figures under bench-results/.
 *
 * Env: BENCH_DURATION_MS (measured window per scenario, default 20,000), BENCH_ONLY (a scenario name
 * fragment), DATABASE_URL (our server stores in that Postgres; default: embedded PGlite in its process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import type { ScenarioConfig } from './collab-clients';
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

const servers = [
	{ name: 'close-to-home', script: 'tests/bench/collab-server-ours.ts', port: 3107 },
	{ name: '@y/websocket-server 0.1.1', script: 'tests/bench/collab-server-reference.ts', port: 3108 }
];

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
	return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
}

function lines(child: ChildProcess, onLine: (line: string) => void): void {
	readline.createInterface({ input: child.stdout! }).on('line', onLine);
}

async function startServer(server: (typeof servers)[number]): Promise<ChildProcess> {
	const child = run(server.script, [], { PORT: String(server.port) });
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
	clientResult: Record<string, unknown> & {
		edit: { p50: number | null; p99: number | null; count: number };
		cursor: { p50: number | null; p99: number | null; count: number };
	};
	serverCpuPercent: number;
	serverRssMbPeak: number;
	serverRssMbEnd: number;
	serverRssMbIdle: number;
}

async function measure(server: (typeof servers)[number], scenario: ScenarioConfig): Promise<Measured> {
	const serverProcess = await startServer(server);
	const pid = serverProcess.pid as number;
	// Before any client: what the process holds anyway (with embedded PGlite, its WebAssembly heap).
	const idle = rssMegabytes(pid);
	const clients = run('tests/bench/collab-clients.ts', [
		`ws://127.0.0.1:${server.port}/collab`,
		JSON.stringify(scenario)
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
		clientResult: result,
		serverCpuPercent: Math.round(cpuPercent),
		serverRssMbPeak: Math.round(Math.max(peak, end)),
		serverRssMbEnd: Math.round(end),
		serverRssMbIdle: Math.round(idle)
	};
}

const ratio = (ours: number | null, reference: number | null) =>
	ours !== null && reference !== null && reference > 0 ? Math.round((ours / reference) * 100) / 100 : null;

const report: Record<string, unknown>[] = [];
console.log(
	`bench:collab on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0].toFixed(1)}; ` +
		`our server stores in ${process.env.DATABASE_URL ? 'the Postgres server at DATABASE_URL' : 'embedded PGlite (in its process)'}; ` +
		`${durationMs / 1000} s measured per scenario`
);
for (const scenario of scenarios) {
	const runs: Measured[] = [];
	for (const server of servers) {
		try {
			runs.push(await measure(server, scenario));
		} catch (error) {
			console.error(`${scenario.name} on ${server.name} failed: ${String(error)}`);
		}
	}
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
			`  ${measured.server.padEnd(28)} ${[kind ? show(kind) : `${show('edit')}; ${show('cursor')}`].join('')}; ` +
				`${r.messagesToServerPerSecond} msg/s in, ${r.messagesFromServerPerSecond} msg/s out; ` +
				`server CPU ${measured.serverCpuPercent}% RSS ${measured.serverRssMbPeak} MB ` +
				`(${measured.serverRssMbIdle} MB before clients); ` +
				`connect ${r.connectMs} ms${r.unsynced ? `, ${r.unsynced} never synced` : ''}; client process CPU ${r.clientProcessCpuPercent}%`
		);
	}
	const [ours, reference] = runs;
	const ratios =
		ours && reference && ours.server === servers[0].name && reference.server === servers[1].name
			? {
					editP99: ratio(ours.clientResult.edit.p99, reference.clientResult.edit.p99),
					cursorP99: ratio(ours.clientResult.cursor.p99, reference.clientResult.cursor.p99),
					serverCpu: ratio(ours.serverCpuPercent, reference.serverCpuPercent),
					serverRss: ratio(ours.serverRssMbPeak, reference.serverRssMbPeak)
				}
			: null;
	if (ratios) {
		console.log(
			`  ratios ours/reference: edit p99 ${ratios.editP99 ?? '-'}, cursor p99 ${ratios.cursorP99 ?? '-'}, ` +
				`CPU ${ratios.serverCpu ?? '-'}, RSS ${ratios.serverRss ?? '-'}`
		);
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
