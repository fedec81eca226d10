/**
 * For `BROWSER=1 npm run bench:analysis`: the same national input through the real Web Worker in
 * headless Chromium. Vite builds a page that creates the worker exactly as the app does
 * (`new Worker(new URL(...), { type: 'module' })`); Playwright serves the build and the input from
 * memory (no server, no port), the worker fetches the input itself (prepareFrom), and the page times
 * prepare and what-if round trips as the UI would see them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { AnalysisInput, Proposal } from '../../src/lib/domain/analysis';

export interface BrowserWorkerFigures {
	prepareFromMs: number[];
	preparedInWorkerMs: number;
	whatIfRoundTrip: { median: number; p95: number; max: number };
}

const PAGE = `<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>`;

function mainSource(proposals: Proposal[]): string {
	return `
import { createAnalysisClient } from '$lib/analysis-worker/client';
const worker = new Worker(new URL('$lib/analysis-worker/worker.ts', import.meta.url), { type: 'module' });
const client = createAnalysisClient(worker);
const proposals = ${JSON.stringify(proposals)};
(async () => {
	try {
		const prepareFromMs = [];
		let prepared;
		for (let i = 0; i < 3; i++) {
			const started = performance.now();
			prepared = await client.prepareFrom('/input.json');
			prepareFromMs.push(performance.now() - started);
		}
		const trips = [];
		for (const proposal of proposals) {
			const started = performance.now();
			await client.call('whatIf', { proposals: [proposal] });
			trips.push(performance.now() - started);
		}
		trips.sort((a, b) => a - b);
		window.figures = {
			prepareFromMs,
			preparedInWorkerMs: prepared.milliseconds,
			whatIfRoundTrip: { median: trips[Math.floor(trips.length / 2)], p95: trips[Math.ceil(trips.length * 0.95) - 1], max: trips[trips.length - 1] }
		};
	} catch (error) {
		window.figures = { error: String(error) };
	}
})();
`;
}

export async function analysisWorkerInChromium(
	input: AnalysisInput,
	proposals: Proposal[]
): Promise<BrowserWorkerFigures> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-worker-'));
	try {
		fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
		fs.writeFileSync(path.join(dir, 'main.ts'), mainSource(proposals));
		await build({
			root: dir,
			configFile: false,
			logLevel: 'error',
			resolve: { alias: { $lib: path.resolve('src/lib') } },
			worker: { format: 'es' },
			build: { outDir: path.join(dir, 'dist'), emptyOutDir: true }
		});
		const dist = path.join(dir, 'dist');
		const body = Buffer.from(JSON.stringify(input));
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run'
			]
		});
		try {
			const page = await browser.newPage();
			await page.route('http://bench.local/**', (route) => {
				const file = new URL(route.request().url()).pathname;
				if (file === '/input.json') return route.fulfill({ body, contentType: 'application/json' });
				const onDisk = path.join(dist, file === '/' ? 'index.html' : file);
				return route.fulfill({
					body: fs.readFileSync(onDisk),
					contentType: onDisk.endsWith('.html') ? 'text/html' : 'text/javascript'
				});
			});
			await page.goto('http://bench.local/');
			await page.waitForFunction(() => (window as unknown as { figures?: unknown }).figures, null, {
				timeout: 600_000
			});
			const figures = await page.evaluate(() => (window as unknown as { figures: unknown }).figures);
			if ((figures as { error?: string }).error) throw new Error((figures as { error: string }).error);
			return figures as BrowserWorkerFigures;
		} finally {
			await browser.close();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
