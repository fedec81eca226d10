import { createAnalysisClient, type AnalysisClient } from './client';

export interface StartedAnalysisWorker {
	client: AnalysisClient;
	/** Stops the worker; pending calls reject. */
	terminate(): void;
}

/**
 * Starts the analysis Web Worker (browser only). Written as `new Worker(new URL(...), { type: 'module' })`
 * so that Vite bundles worker.ts and its imports into a chunk of their own in the production build.
 * A worker that fails to load or throws rejects every pending call with a message, rather than
 * leaving the page waiting.
 */
export function startAnalysisWorker(): StartedAnalysisWorker {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	const client = createAnalysisClient(worker);
	const failed = (event: Event) => {
		const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
		client.close(`The analysis could not run in this browser${detail}`);
		worker.terminate();
	};
	worker.addEventListener('error', failed);
	worker.addEventListener('messageerror', failed);
	return {
		client,
		terminate() {
			client.close();
			worker.terminate();
		}
	};
}
