/**
 * The analysis Web Worker entry. From Svelte:
 *   new Worker(new URL('$lib/analysis-worker/worker.ts', import.meta.url), { type: 'module' })
 * and talk to it through `createAnalysisClient` (client.ts).
 */
import type { MessageEndpoint } from './protocol';
import { serveAnalysis } from './serve-analysis';

serveAnalysis(self as unknown as MessageEndpoint);
