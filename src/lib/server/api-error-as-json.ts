import { STATUS_CODES } from 'node:http';

/** Longest plain-text error kept as the message; anything longer is not a message meant for people. */
const MAX_MESSAGE_LENGTH = 500;

const MESSAGES: Record<number, string> = {
	413: 'The request body is too large.',
	500: 'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.'
};

function isJson(contentType: string | null): boolean {
	const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
	return type === 'application/json' || type.endsWith('+json');
}

/**
 * An /api error as the API's `{ message }` JSON. SvelteKit answers an error thrown while handling a
 * request (an endpoint's bug, a body over adapter-node's BODY_SIZE_LIMIT) with its HTML error page when
 * the client prefers HTML, and its own refusals in plain text; an API client must get JSON whatever it
 * accepts. A plain-text (or untyped) body is the message; an HTML one is replaced by a message for the
 * status.
 */
export async function apiErrorAsJson(response: Response): Promise<Response> {
	if (response.status < 400 || isJson(response.headers.get('content-type'))) return response;
	const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	// SvelteKit's own refusals (405, for one) come as bare text without a content type.
	const plain = type === undefined || type === 'text/plain';
	const text = plain ? (await response.text()).trim() : '';
	if (!plain) await response.body?.cancel();
	const message =
		text && text.length <= MAX_MESSAGE_LENGTH
			? text
			: (MESSAGES[response.status] ?? STATUS_CODES[response.status] ?? 'The request failed.');
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.delete('content-encoding');
	headers.set('content-type', 'application/json');
	return new Response(JSON.stringify({ message }), { status: response.status, headers });
}
