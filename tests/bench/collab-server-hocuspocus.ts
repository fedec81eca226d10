/**
 * bench:collab: the second reference server, Hocuspocus 4.x (`@hocuspocus/server`, the Yjs backend
 * behind Tiptap) with its defaults and no extensions: documents in memory, no access checks. Its
 * clients speak its own protocol (document name first in every message), so the bench drives it through
 * `@hocuspocus/provider`. Prints `READY <port>`.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
	port: Number(process.env.PORT ?? 0),
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: false
});
await server.listen();
console.log(`READY ${server.address.port}`);
process.on('SIGTERM', () => process.exit(0));
