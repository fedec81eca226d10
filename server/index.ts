/**
 * Production entry: opens the database (migrating and seeding it), then serves the SvelteKit app over
 * HTTP. Compiled to build/server.js (server/build-server.js), which `npm start` runs (server/start.js
 * builds first when needed).
 */
import http from 'node:http';
import { readConfig } from '../src/lib/server/config';
import { markSocketProtocol, useSocketProtocol } from '../src/lib/server/auth/request-protocol';
import { MAX_BODY_BYTES } from '../src/lib/server/auth/request-guard';
import { DatabaseOpenError } from '../src/lib/server/db/client';
import { provideRuntime, startRuntime } from '../src/lib/server/runtime';
import { createAppCollabServer } from './collab/app-collab-server';

const started = performance.now();
const log = (message: string) => console.log(`[close-to-home] ${message}`);

async function main() {
	const config = readConfig();
	log(
		config.databaseUrl
			? 'Connecting to the Postgres server…'
			: `Opening the embedded database in ${config.dataDir}…`
	);
	const runtime = await provideRuntime(startRuntime(config, log));

	// Without ORIGIN or PROTOCOL_HEADER, adapter-node would take plain HTTP for https (request-protocol.ts).
	const socketProtocol = useSocketProtocol();
	// adapter-node's own body limit (512 KiB unless set) would otherwise cut in below the app's, with its
	// own wording: one limit, stated by the request guard as JSON for /api.
	process.env.BODY_SIZE_LIMIT ??= String(MAX_BODY_BYTES);
	// Imported only now: the SvelteKit bundle reads the runtime installed above.
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	const server = http.createServer(
		socketProtocol
			? (request: http.IncomingMessage, response: http.ServerResponse) => {
					markSocketProtocol(request);
					handler(request, response);
				}
			: handler
	);
	// Live collaboration: /collab/<docName> websockets (server/collab); anything else cannot upgrade.
	const collab = createAppCollabServer(runtime);
	server.on('upgrade', (request, socket, head) => {
		if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log(
		`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s on http://localhost:${port} ` +
			`(database: ${runtime.db.kind}${config.demo ? ', demo data' : ''})`
	);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: shutting down`);
		server.close();
		server.closeAllConnections();
		// Closes the sockets (clients reconnect elsewhere) and stores pending updates before the database goes.
		await collab.close().catch((error: unknown) => log(`Closing collaboration failed: ${String(error)}`));
		await runtime.db.close().catch(() => {});
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
	if (error instanceof DatabaseOpenError) {
		console.error(`[close-to-home] ${error.message}`);
	} else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
		console.error(`[close-to-home] Port ${readConfig().port} is already in use: set PORT to a free port.`);
	} else {
		console.error('[close-to-home] Could not start:', error);
	}
	process.exit(1);
});
