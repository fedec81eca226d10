import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, jsonResponse } from './json-response';

function request(acceptEncoding?: string): Request {
	return new Request('http://localhost/api/x', {
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
}

describe('jsonResponse', () => {
	const large = { items: Array.from({ length: 1000 }, (_, i) => ({ i, name: `item ${i}` })) };

	it('sends JSON that the browser must not store, unless told it is reference data', async () => {
		const response = await jsonResponse({ a: 1 }, { request: request('gzip') });
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('etag')).toBeNull();
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(await response.json()).toEqual({ a: 1 });
	});

	it('tags reference data to be revalidated on every use, one tag per body and encoding', async () => {
		const first = await jsonResponse(large, { request: request(), cache: 'revalidate' });
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		const again = await jsonResponse(large, { request: request(), cache: 'revalidate' });
		expect(again.headers.get('etag')).toBe(etag);
		const changed = await jsonResponse({ ...large, more: 1 }, { request: request(), cache: 'revalidate' });
		expect(changed.headers.get('etag')).not.toBe(etag);
		const gzipped = await jsonResponse(large, { request: request('gzip'), cache: 'revalidate' });
		expect(gzipped.headers.get('etag')).toBe(`${etag!.slice(0, -1)}-gzip"`);
	});

	it('gzips a large body only when the request accepts gzip', async () => {
		const plain = await jsonResponse(large, { request: request() });
		expect(plain.headers.get('content-encoding')).toBeNull();
		const text = await plain.text();
		const gzipped = await jsonResponse(large, {
			request: request('gzip, br'),
			contentType: 'application/geo+json'
		});
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');
		expect(gzipped.headers.get('content-type')).toBe('application/geo+json');
		const bytes = new Uint8Array(await gzipped.arrayBuffer());
		expect(bytes.length).toBeLessThan(text.length / 3);
		expect(gunzipSync(bytes).toString('utf8')).toBe(text);
	});
});

describe('acceptsGzip', () => {
	it('reads Accept-Encoding, honouring q=0', () => {
		expect(acceptsGzip(request('gzip'))).toBe(true);
		expect(acceptsGzip(request('br;q=1.0, gzip;q=0.8'))).toBe(true);
		expect(acceptsGzip(request('*'))).toBe(true);
		expect(acceptsGzip(request('gzip;q=0'))).toBe(false);
		expect(acceptsGzip(request('deflate, br'))).toBe(false);
		expect(acceptsGzip(request())).toBe(false);
		expect(acceptsGzip(undefined)).toBe(false);
	});
});
