import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Answers an upgrade request with a plain HTTP response and closes the socket: no websocket is opened. */
export function rejectUpgrade(
	socket: Duplex,
	status: number,
	message = STATUS_CODES[status] ?? 'Error'
): void {
	if (socket.destroyed) return;
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			'\r\n' +
			body
	);
	// end() flushes the response; destroy soon after so that a client that keeps the socket open cannot pin it.
	setTimeout(() => socket.destroy(), 1000).unref();
}
