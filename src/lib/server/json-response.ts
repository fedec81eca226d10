import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this a response is sent as is: compressing would save little. */
const COMPRESS_FROM_BYTES = 8 * 1024;

/** The client said it accepts gzip (`Accept-Encoding: gzip` or `*`, without `q=0`). */
export function acceptsGzip(request: Request | undefined): boolean {
	const header = request?.headers.get('accept-encoding');
	if (!header) return false;
	return header.split(',').some((entry) => {
		const [coding, ...parameters] = entry.trim().toLowerCase().split(';');
		const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
	});
}

/**
 * How long a browser may keep a response (README "Accounts and access"):
 * - `no-store` (the default): anything that depends on who asks or is drawn from children's records.
 *   Nothing is written to the browser's cache, so nothing outlives the session there.
 * - `revalidate`: reference data identical for everyone allowed to see it (regions, homes). The browser
 *   keeps it with an ETag but asks every time (`no-cache`), so the server checks access on each use and
 *   answers 304 Not Modified (SvelteKit compares If-None-Match) when nothing changed.
 */
export type CachePolicy = 'no-store' | 'revalidate';

export const CACHE_CONTROL: Record<CachePolicy, string> = {
	'no-store': 'private, no-store',
	revalidate: 'private, no-cache'
};

/**
 * A JSON response of the data API, gzipped when the request accepts it (GeoJSON shrinks 3-10 times),
 * since adapter-node compresses only prebuilt static files. Requests made without `Accept-Encoding`
 * (SvelteKit's server-side `fetch`, tests) get plain JSON.
 */
export async function jsonResponse(
	value: unknown,
	options: { request?: Request; contentType?: string; cache?: CachePolicy } = {}
): Promise<Response> {
	const body = JSON.stringify(value);
	const cache = options.cache ?? 'no-store';
	const gzipped = body.length >= COMPRESS_FROM_BYTES && acceptsGzip(options.request);
	const headers: Record<string, string> = {
		'content-type': options.contentType ?? 'application/json',
		'cache-control': CACHE_CONTROL[cache],
		vary: 'accept-encoding'
	};
	if (cache === 'revalidate') {
		// One tag per representation: the gzipped and the plain body differ byte for byte.
		const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
		headers.etag = `"${digest}${gzipped ? '-gzip' : ''}"`;
	}
	if (!gzipped) return new Response(body, { headers });
	const compressed = await gzipAsync(body);
	return new Response(new Uint8Array(compressed), { headers: { ...headers, 'content-encoding': 'gzip' } });
}
