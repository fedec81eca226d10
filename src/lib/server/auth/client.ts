import type { RequestEvent } from '@sveltejs/kit';

/** The client's address and user agent, for throttling and the audit log. */
export function clientOf(event: Pick<RequestEvent, 'getClientAddress' | 'request'>): {
	address: string | null;
	userAgent: string | null;
} {
	let address: string | null = null;
	try {
		address = event.getClientAddress();
	} catch {
		// Not every adapter knows the address (e.g. some test harnesses); throttling then goes by account only.
	}
	return { address, userAgent: event.request.headers.get('user-agent') };
}
