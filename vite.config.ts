import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { govukFrontendCss } from './server/vite/govuk-frontend-css';

/**
 * `vite dev` serves the collaboration sockets (/collab/<docName>) with the production handler
 * (server/collab). Loaded through Vite's SSR module graph on first use, so that `vite build` and vitest
 * never load it; Vite's own HMR socket ignores these paths.
 */
function collabDevServer(): Plugin {
	return {
		name: 'close-to-home:collab',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer;
			if (!httpServer || process.env.VITEST) return;
			type Collab = import('./server/collab/server').CollabServer;
			let collab: Promise<Collab> | null = null;
			const start = () =>
				(collab ??= server
					.ssrLoadModule('/server/collab/vite-dev.ts')
					.then((module) => (module as typeof import('./server/collab/vite-dev')).startDevCollabServer()));
			httpServer.once(
				'listening',
				() => void start().catch((error) => server.config.logger.error(String(error)))
			);
			httpServer.on('upgrade', (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return;
				start().then(
					(ready) => ready.handleUpgrade(request, socket, head),
					() => socket.destroy()
				);
			});
			httpServer.once('close', () => void collab?.then((ready) => ready.close()));
		}
	};
}

export default defineConfig({
	plugins: [govukFrontendCss(), sveltekit(), collabDevServer()],
	build: {
		// The largest chunk, MapLibre (about 800 kB) with the map code, is 1.3 MB minified, 370 kB gzipped.
		chunkSizeWarningLimit: 1400
	},
	// The analysis worker is started as a module worker (src/lib/analysis-worker/start-analysis-worker.ts):
	// bundle it as one, as the benchmark does (tests/bench/analysis-worker-in-chromium.ts).
	worker: { format: 'es' },
	server: { port: 5173 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/mutation/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
