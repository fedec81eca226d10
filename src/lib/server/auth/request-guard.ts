import type { RequestEvent } from '@sveltejs/kit';

/** Larger JSON bodies are refused: nothing the app accepts as JSON comes near this. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(event: RequestEvent, status: number, message: string): Response {
	// The rest of a refused body is never read: the connection cannot be reused for another request.
	const headers = status === 413 ? { connection: 'close' } : undefined;
	if (event.url.pathname.startsWith('/api/')) return Response.json({ message }, { status, headers });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
	});
}

/**
 * Cross-site request forgery guard for every state-changing request, forms and JSON alike (SvelteKit's
 * own check covers form content types only). Browsers send Origin on cross-origin POSTs and Sec-Fetch-Site
 * on all requests; a request carrying neither comes from a non-browser client, which cannot ride on a
 * victim's cookie, so it passes.
 */
function crossSite(event: RequestEvent): boolean {
	const origin = event.request.headers.get('origin');
	if (origin !== null && origin !== event.url.origin) return true;
	const site = event.request.headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}

function isJson(contentType: string | null): boolean {
	if (!contentType) return false;
	const type = contentType.split(';')[0].trim().toLowerCase();
	return type === 'application/json' || type.endsWith('+json');
}

async function readCapped(request: Request, limit: number): Promise<string | null> {
	const body = request.clone().body;
	if (!body) return '';
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (error) {
			// adapter-node errors the body stream once it passes BODY_SIZE_LIMIT (SvelteKitError 413).
			if ((error as { status?: unknown } | null)?.status === 413) return null;
			throw error;
		}
		const { done, value } = chunk;
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Not awaited: cancelling one branch of a tee settles only once the other branch is cancelled too.
			reader.cancel().catch(() => {});
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Checks a state-changing request before anything else sees it: 403 when cross-site, 413 when the body is
 * too large, 400 when a JSON body does not parse. Returns the refusal, or null to go on. A JSON body is read
 * from a clone, so handlers can still read the request.
 */
export async function guardRequest(event: RequestEvent): Promise<Response | null> {
	if (SAFE_METHODS.has(event.request.method)) return null;
	if (crossSite(event)) {
		return refuse(event, 403, 'Cross-site requests are not allowed: send the request from this site.');
	}
	const tooLarge = `The request body is larger than the limit of ${MAX_BODY_BYTES / 1024} KiB.`;
	const length = Number(event.request.headers.get('content-length') ?? '0');
	if (length > MAX_BODY_BYTES) return refuse(event, 413, tooLarge);
	if (!isJson(event.request.headers.get('content-type'))) return null;
	const text = await readCapped(event.request, MAX_BODY_BYTES);
	if (text === null) return refuse(event, 413, tooLarge);
	try {
		JSON.parse(text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'it does not parse';
		return refuse(event, 400, `The request body is not valid JSON: ${reason}`);
	}
	return null;
}
