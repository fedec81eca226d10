/**
 * bench:collab: the reference server, `@y/websocket-server` 0.1.1 (the last release on Yjs 13), set up as
 * its own bin (src/server.js) does: `setupWSConnection` for every upgrade, documents in memory (no
 * YPERSISTENCE, so no LevelDB), no access checks. Prints `READY <port>`.
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => response.writeHead(200).end('okay'));
server.on('upgrade', (request, socket, head) => {
	sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	console.log(`READY ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => process.exit(0));
