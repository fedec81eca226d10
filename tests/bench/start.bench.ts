/**
 * `npm run bench:start`: cold first start (empty data directory: migrate + seed the demo) and warm start
 * (same directory again) of the production server, to ready (/healthz answers). Medians of a few runs
 * in one session; figures printed and saved under bench-results/ so runs can be compared. On the last
 * warm start it also times failed sign-ins of demo accounts and of unknown emails: they must take about
 * as long (both verify one scrypt hash), so the answer's timing does not tell whether an account exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.env.RUNS ?? 3);
const port = Number(process.env.PORT ?? 3190);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Fastest of `emails.length` failed sign-ins, in milliseconds (the least disturbed by the machine). */
async function fastestFailedSignIn(emails: string[]): Promise<number> {
	const times: number[] = [];
	for (const email of emails) {
		const started = performance.now();
		const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, password: 'not the password' })
		});
		await response.arrayBuffer();
		times.push(performance.now() - started);
		if (response.status !== 401) throw new Error(`sign-in as ${email} answered ${response.status}, not 401`);
	}
	return Math.min(...times);
}

async function startToReady(dataDir: string, whileReady?: () => Promise<void>): Promise<number> {
	const started = performance.now();
	const child = spawn(process.execPath, ['build/server.js'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			try {
				const response = await fetch(`http://127.0.0.1:${port}/healthz`);
				if (response.ok) {
					const seconds = (performance.now() - started) / 1000;
					await whileReady?.();
					return seconds;
				}
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
}

const buildStarted = performance.now();
// The app and the compiled server (build/server.js), as `npm start` builds them.
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const serverBuild = spawnSync(process.execPath, ['server/build-server.js'], { stdio: 'inherit' });
if (serverBuild.status !== 0) process.exit(1);
const buildSeconds = (performance.now() - buildStarted) / 1000;

const cold: number[] = [];
const warm: number[] = [];
// Four of each, under the throttle's limits (5 per account, 20 per address); GM's demo commissioners.
const signIn = { knownMs: 0, unknownMs: 0 };
const timeSignIns = async () => {
	signIn.knownMs = await fastestFailedSignIn(
		['e08000001', 'e08000002', 'e08000003', 'e08000004'].map((code) => `${code}@demo.local`)
	);
	signIn.unknownMs = await fastestFailedSignIn(
		[1, 2, 3, 4].map((n) => `nobody-${n}-${Date.now()}@demo.local`)
	);
};
for (let run = 0; run < runs; run++) {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-bench-start-'));
	cold.push(await startToReady(dataDir));
	warm.push(await startToReady(dataDir, run === runs - 1 ? timeSignIns : undefined));
	fs.rmSync(dataDir, { recursive: true, force: true });
	console.log(`run ${run + 1}: cold ${cold.at(-1)!.toFixed(2)} s, warm ${warm.at(-1)!.toFixed(2)} s`);
}

const result = {
	when: new Date().toISOString(),
	node: process.version,
	cpus: os.cpus().length,
	runs,
	buildSeconds: Number(buildSeconds.toFixed(2)),
	coldStartSeconds: { median: Number(median(cold).toFixed(2)), runs: cold.map((s) => Number(s.toFixed(2))) },
	warmStartSeconds: { median: Number(median(warm).toFixed(2)), runs: warm.map((s) => Number(s.toFixed(2))) },
	failedSignInMs: {
		knownAccount: Math.round(signIn.knownMs),
		unknownEmail: Math.round(signIn.unknownMs),
		ratio: Number((signIn.unknownMs / signIn.knownMs).toFixed(2))
	}
};
console.log(
	`build ${result.buildSeconds} s; cold start to ready ${result.coldStartSeconds.median} s (median of ${runs}); ` +
		`warm start ${result.warmStartSeconds.median} s; cold/warm ratio ${(median(cold) / median(warm)).toFixed(1)}`
);
console.log(
	`failed sign-in: known account ${result.failedSignInMs.knownAccount} ms, unknown email ` +
		`${result.failedSignInMs.unknownEmail} ms (ratio ${result.failedSignInMs.ratio}; about 1 means the timing reveals nothing)`
);
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync(
	`bench-results/start-${result.when.replace(/[:.]/g, '-')}.json`,
	JSON.stringify(result, null, 2)
);
fs.writeFileSync('bench-results/start-latest.json', JSON.stringify(result, null, 2));
