/**
 * Browser tests against the production build (`npm run test:e2e` builds first): the compiled server entry
 * on a free port with a fresh embedded database under a temporary DATA_DIR, seeded with the demo.
 */
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

// Playwright loads this file again in every worker: the port and directory chosen by the runner
// travel to them in the environment, so all agree on one server.
process.env.CTH_E2E_PORT ??= String(await freePort());
process.env.CTH_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cth-e2e-'));

const baseURL = `http://127.0.0.1:${process.env.CTH_E2E_PORT}`;

/** Debian's chromium (or CHROMIUM_PATH); without one, Playwright's own (`npx playwright install chromium`). */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
	testDir: '.',
	outputDir: path.join(root, 'test-results/e2e'),
	globalTeardown: './global-teardown.ts',
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 20_000 },
	reporter: [['list']],
	use: {
		baseURL,
		viewport: { width: 1400, height: 860 },
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				// WebGL2 in software, so MapLibre draws on machines without a GPU.
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		// The compiled server, as `npm start` runs it (`npm run test:e2e` builds it with the app).
		command: 'node build/server.js',
		cwd: root,
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		// First start creates the embedded database and seeds the demo.
		timeout: 300_000,
		stdout: 'pipe',
		env: {
			PORT: process.env.CTH_E2E_PORT,
			HOST: '127.0.0.1',
			DATA_DIR: process.env.CTH_E2E_DATA_DIR,
			DEMO: '1',
			// Always the embedded database and one instance, whatever the shell has set.
			DATABASE_URL: '',
			REDIS_URL: '',
			PUBLIC_BASEMAP_STYLE: ''
		}
	}
});
