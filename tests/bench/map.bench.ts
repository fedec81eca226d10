/**
 * `npm run bench:map`: for each demo RCC, time until its map is idle in headless Chromium (software
 * WebGL) from navigation, and until every layer is drawn after switching the rest on; bytes of map data
 * transferred. Medians of RUNS (default 5) fresh browser contexts (no HTTP cache), against the
 * production build (built first unless SKIP_BUILD=1) on a fresh embedded database. Then a workshop of
 * 30 people on the South East's map (map-workshop.ts): cursor propagation to a browser and its frame
 * time with 29 remote cursors drawn (WORKSHOP_PEOPLE, WORKSHOP_MS; WORKSHOP_ONLY=1 skips the regions).
 * Printed and saved under bench-results/.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { measureWorkshop, regionCommissioners } from './map-workshop';

const runs = Number(process.env.RUNS ?? 5);
const port = Number(process.env.PORT ?? 3191);
const base = `http://127.0.0.1:${port}`;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A commissioner of a member LA sees every layer, placements of their own LA's children included. */
const regions = [
	{ id: 'gm', account: 'e08000003@demo.local' },
	{ id: 'se', account: 'e10000016@demo.local' }
];

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function startServer(dataDir: string) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		env: {
			...process.env,
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: '',
			REDIS_URL: '',
			DEMO: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		const ready = await fetch(`${base}/healthz`).then(
			(response) => response.ok,
			() => false
		);
		if (ready) return child;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

interface Run {
	requests: number;
	/** When the MapLibre map was created and when the data was handed to it, from navigation. */
	createdMs: number;
	dataSetMs: number;
	toIdleMs: number;
	dataToIdleMs: number;
	allLayersMs: number;
	frames: number;
	transferBytes: number;
	bodyBytes: number;
	counts: Record<string, number>;
}

async function measure(browser: Browser, region: (typeof regions)[number]): Promise<Run> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, baseURL: base });
	try {
		const page = await context.newPage();
		const login = await page.request.post('/api/auth/login', {
			data: { email: region.account, password: 'demo' }
		});
		if (login.status() !== 200) throw new Error(`sign-in as ${region.account}: ${login.status()}`);
		await page.goto(`/rcc/${region.id}`);
		await page.waitForSelector('[data-map-state="idle"]', { timeout: 120_000 });
		// No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
		const loaded = await page.evaluate(() => {
			const marks = Object.fromEntries(
				performance.getEntriesByType('mark').map((entry) => [entry.name, entry.startTime])
			);
			const data = performance
				.getEntriesByType('resource')
				.filter(
					(entry) => entry.name.includes('/api/') && entry.name.endsWith('.geojson')
				) as PerformanceResourceTiming[];
			return {
				requests: data.length,
				createdMs: marks['map:created'],
				dataSetMs: marks['map:data-set'],
				toIdleMs: marks['map:idle'],
				dataToIdleMs: marks['map:idle'] - marks['map:data-set'],
				transferBytes: data.reduce((sum, entry) => sum + entry.transferSize, 0),
				bodyBytes: data.reduce((sum, entry) => sum + entry.decodedBodySize, 0)
			};
		});
		const started = await page.evaluate(() => performance.now());
		for (const box of await page.getByRole('checkbox').all()) {
			if (!(await box.isChecked())) await box.check();
		}
		await page.waitForSelector('[data-map-state="idle"]', { timeout: 120_000 });
		const allLayersMs = (await page.evaluate(() => performance.now())) - started;
		const drawn = await page.evaluate(() => ({
			counts: window.closeToHomeMap!.renderedFeatureCounts(),
			frames: window.closeToHomeMap!.frames()
		}));
		return { ...loaded, allLayersMs, frames: drawn.frames, counts: drawn.counts };
	} finally {
		await context.close();
	}
}

if (process.env.SKIP_BUILD !== '1') {
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-bench-map-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({
	executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
	args: [
		'--no-sandbox',
		'--use-angle=swiftshader',
		'--enable-unsafe-swiftshader',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run'
	]
});

const results: Record<string, unknown> = {};
let workshop: Awaited<ReturnType<typeof measureWorkshop>> | null = null;
try {
	for (const region of process.env.WORKSHOP_ONLY === '1' ? [] : regions) {
		await measure(browser, region); // warm-up: server caches, first compile of the page's code
		const measured: Run[] = [];
		for (let run = 0; run < runs; run++) measured.push(await measure(browser, region));
		const pick = (
			key:
				| 'requests'
				| 'createdMs'
				| 'dataSetMs'
				| 'toIdleMs'
				| 'dataToIdleMs'
				| 'allLayersMs'
				| 'frames'
				| 'transferBytes'
				| 'bodyBytes'
		) => Math.round(median(measured.map((run) => run[key])));
		const summary = {
			account: region.account,
			navigationToMapCreatedMs: pick('createdMs'),
			navigationToDataSetMs: pick('dataSetMs'),
			navigationToIdleMs: pick('toIdleMs'),
			dataToIdleMs: pick('dataToIdleMs'),
			allLayersOnToIdleMs: pick('allLayersMs'),
			frames: pick('frames'),
			mapDataRequests: pick('requests'),
			mapDataTransferBytes: pick('transferBytes'),
			mapDataBytesUncompressed: pick('bodyBytes'),
			featuresDrawn: measured.at(-1)!.counts,
			runs: measured.map(({ counts: _counts, ...run }) => run)
		};
		results[region.id] = summary;
		console.log(
			`${region.id}: idle ${summary.navigationToIdleMs} ms after navigation (map created at ${summary.navigationToMapCreatedMs} ms, ` +
				`data set at ${summary.navigationToDataSetMs} ms, then ${summary.dataToIdleMs} ms to idle), ` +
				`all layers on to idle ${summary.allLayersOnToIdleMs} ms; map data ${(summary.mapDataTransferBytes / 1024).toFixed(0)} KiB ` +
				`transferred in ${summary.mapDataRequests} requests (${(summary.mapDataBytesUncompressed / 1024).toFixed(0)} KiB ` +
				`uncompressed); medians of ${runs}; ` +
				`drawn ${JSON.stringify(summary.featuresDrawn)}`
		);
	}
	workshop = await measureWorkshop(browser, {
		base,
		rccId: 'se',
		// Commissioners of the South East's LAs (DESIGN.md's demo accounts), one session each.
		accounts: await regionCommissioners(base, 'se', 'admin.se@demo.local'),
		pageAccount: 'admin.se@demo.local',
		people: Number(process.env.WORKSHOP_PEOPLE ?? 30),
		cursorHz: 5,
		durationMs: Number(process.env.WORKSHOP_MS ?? 10_000)
	});
	console.log(
		`workshop: ${workshop.people} people at ${workshop.cursorHz} Hz, ${workshop.cursorsDrawn} remote cursors drawn; ` +
			`cursor propagation to the page p50 ${workshop.propagationMs.p50} ms, p99 ${workshop.propagationMs.p99} ms ` +
			`(${workshop.propagationMs.samples} updates); frame time p50 ${workshop.frameMs.p50} ms, p99 ${workshop.frameMs.p99} ms, ` +
			`max ${workshop.frameMs.max} ms, ${workshop.frameMs.over50Ms} of ${workshop.frameMs.frames} frames over 50 ms`
	);
} finally {
	await browser.close();
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	fs.rmSync(dataDir, { recursive: true, force: true });
}

const result = {
	when: new Date().toISOString(),
	node: process.version,
	cpus: os.cpus().length,
	loadAverage: os.loadavg(),
	runs,
	regions: results,
	workshop
};
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync(
	`bench-results/map-${result.when.replace(/[:.]/g, '-')}.json`,
	JSON.stringify(result, null, 2)
);
// A workshop-only run keeps the regions' latest figures: it is saved under a name of its own.
const latest = process.env.WORKSHOP_ONLY === '1' ? 'map-workshop-latest.json' : 'map-latest.json';
fs.writeFileSync(`bench-results/${latest}`, JSON.stringify(result, null, 2));
