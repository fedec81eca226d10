import { runtime } from '../../src/lib/server/runtime';
import { createAppCollabServer } from './app-collab-server';
import type { CollabServer } from './server';

/**
 * `vite dev`: loaded by the plugin in vite.config.ts through Vite's SSR module graph, so that it shares
 * the runtime (database) with the SvelteKit app it serves.
 */
export async function startDevCollabServer(): Promise<CollabServer> {
	return createAppCollabServer(await runtime());
}
