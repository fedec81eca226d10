import type { IncomingMessage } from 'node:http';

/**
 * adapter-node takes every request for https unless ORIGIN or PROTOCOL_HEADER says otherwise; served
 * directly over plain HTTP (`npm start` on http://localhost:3000), the app would then refuse its own
 * form posts as cross-site and mark the session cookie Secure. When the operator has set neither, the
 * production entry tells adapter-node the protocol the socket really speaks, through a header of its
 * own that it overwrites on every request (so a client cannot choose it). Behind a TLS-terminating
 * proxy, set ORIGIN (or PROTOCOL_HEADER=x-forwarded-proto) as adapter-node documents.
 */
export const PROTOCOL_HEADER = 'x-close-to-home-protocol';

/** Call before the SvelteKit handler is imported (adapter-node reads its environment once). */
export function useSocketProtocol(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.ORIGIN || env.PROTOCOL_HEADER) return false;
	env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	return true;
}

export function markSocketProtocol(request: IncomingMessage): void {
	const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
	request.headers[PROTOCOL_HEADER] = encrypted ? 'https' : 'http';
}
