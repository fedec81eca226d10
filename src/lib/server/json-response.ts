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
 * A JSON response of the map data API: private to the user and briefly cacheable, gzipped when the
 * request accepts it (GeoJSON shrinks 3-10 times), since adapter-node compresses only prebuilt static
 * files. Requests made without `Accept-Encoding` (SvelteKit's server-side `fetch`, tests) get plain JSON.
 */
export async function jsonResponse(
	value: unknown,
	options: { request?: Request; contentType?: string } = {}
): Promise<Response> {
	const body = JSON.stringify(value);
	const headers: Record<string, string> = {
		'content-type': options.contentType ?? 'application/json',
		'cache-control': 'private, max-age=60',
		vary: 'accept-encoding'
	};
	if (body.length < COMPRESS_FROM_BYTES || !acceptsGzip(options.request))
		return new Response(body, { headers });
	const compressed = await gzipAsync(body);
	return new Response(new Uint8Array(compressed), { headers: { ...headers, 'content-encoding': 'gzip' } });
}
