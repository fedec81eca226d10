import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { guardRequest, MAX_BODY_BYTES } from './request-guard';

const SITE = 'https://rcc.example.org';

function event(
	pathname: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): RequestEvent {
	const url = new URL(pathname, SITE);
	const request = new Request(url, {
		method: options.method ?? 'POST',
		headers: options.headers,
		body: options.body
	});
	return { request, url } as unknown as RequestEvent;
}

const kinds = [
	{ kind: 'a form post', pathname: '/logout', type: 'application/x-www-form-urlencoded', body: 'a=1' },
	{ kind: 'a JSON API call', pathname: '/api/auth/logout', type: 'application/json', body: '{}' }
] as const;

describe.each(kinds)('the request guard on $kind', ({ pathname, type, body }) => {
	const post = (headers: Record<string, string>) =>
		guardRequest(event(pathname, { headers: { 'content-type': type, ...headers }, body }));

	it.each([
		['same-origin', { 'sec-fetch-site': 'same-origin', origin: SITE }],
		['same-origin without Origin', { 'sec-fetch-site': 'same-origin' }],
		['none (typed into the address bar, a bookmark)', { 'sec-fetch-site': 'none' }],
		['no Sec-Fetch-Site, Origin of this site', { origin: SITE }],
		['neither header (not a browser: cannot carry a victim’s cookie)', {}]
	])('lets through %s', async (_name, headers) => {
		expect(await post(headers)).toBeNull();
	});

	it.each([
		[
			'same-site (a sibling subdomain)',
			{ 'sec-fetch-site': 'same-site', origin: 'https://other.example.org' }
		],
		['same-site even with this site’s Origin', { 'sec-fetch-site': 'same-site', origin: SITE }],
		['same-site without Origin', { 'sec-fetch-site': 'same-site' }],
		['cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
		['cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
		['an unknown Sec-Fetch-Site value', { 'sec-fetch-site': 'sideways' }],
		['no Sec-Fetch-Site, another Origin', { origin: 'https://evil.example' }],
		[
			'no Sec-Fetch-Site, Origin of the same host on another port',
			{ origin: 'https://rcc.example.org:8443' }
		],
		['no Sec-Fetch-Site, an opaque Origin', { origin: 'null' }],
		[
			'same-origin claimed, another Origin',
			{ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }
		]
	])('refuses %s with 403 and says why', async (_name, headers) => {
		const refused = await post(headers);
		expect(refused?.status).toBe(403);
		const message = 'Cross-site requests are not allowed: send the request from this site.';
		if (pathname.startsWith('/api/')) expect(await refused!.json()).toEqual({ message });
		else expect(await refused!.text()).toBe(message);
	});

	it('lets safe methods through whatever their headers say', async () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			const request = event(pathname, { method, headers: { 'sec-fetch-site': 'cross-site' } });
			expect(await guardRequest(request)).toBeNull();
		}
	});
});

describe('the request guard on bodies', () => {
	it('refuses a declared body over the limit with 413 before reading it', async () => {
		const refused = await guardRequest(
			event('/api/x', {
				headers: { 'content-type': 'text/plain', 'content-length': String(MAX_BODY_BYTES + 1) },
				body: 'x'
			})
		);
		expect(refused?.status).toBe(413);
		expect(refused?.headers.get('connection')).toBe('close');
	});

	it('refuses JSON that does not parse with 400 and the parser’s reason', async () => {
		const refused = await guardRequest(
			event('/api/x', { headers: { 'content-type': 'application/merge-patch+json' }, body: '{"a":' })
		);
		expect(refused?.status).toBe(400);
		expect((await refused!.json()).message).toMatch(/^The request body is not valid JSON: /);
	});

	const TOO_LARGE = 'The request body is larger than the limit of 1024 KiB.';

	it('says the limit, 1 MiB, and lets a declared body of exactly that through', async () => {
		const declared = (length: number) =>
			guardRequest(
				event('/api/x', {
					headers: { 'content-type': 'text/plain', 'content-length': String(length) },
					body: 'x'
				})
			);
		expect(MAX_BODY_BYTES).toBe(1024 * 1024);
		expect(await declared(MAX_BODY_BYTES)).toBeNull();
		expect(await (await declared(MAX_BODY_BYTES + 1))!.json()).toEqual({ message: TOO_LARGE });
	});

	it('reads a JSON body up to the limit and refuses one a byte over it, streamed without a length', async () => {
		const json = (bytes: number) =>
			guardRequest(
				event('/api/x', {
					headers: { 'content-type': 'application/json' },
					body: `"${'x'.repeat(bytes - 2)}"`
				})
			);
		expect(await json(MAX_BODY_BYTES)).toBeNull();
		const refused = await json(MAX_BODY_BYTES + 1);
		expect(refused?.status).toBe(413);
		expect(refused?.headers.get('connection')).toBe('close');
		expect(await refused!.json()).toEqual({ message: TOO_LARGE });
	});

	it('reads application/json with parameters or in capitals as JSON, and nothing else', async () => {
		const post = (headers: Record<string, string>, body: BodyInit = '{') =>
			guardRequest(event('/api/x', { headers, body: body as string }));
		for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
			expect((await post({ 'content-type': type }))?.status, type).toBe(400);
		}
		expect(await post({ 'content-type': 'text/plain' })).toBeNull();
		expect(await post({ 'content-type': 'application/jsonx' })).toBeNull();
		// No content type at all (a body of bytes gets none).
		expect(await post({}, new TextEncoder().encode('{'))).toBeNull();
	});

	it('answers an empty JSON body with 400 and the parser’s reason', async () => {
		const refused = await guardRequest(event('/api/x', { headers: { 'content-type': 'application/json' } }));
		expect(refused?.status).toBe(400);
		expect((await refused!.json()).message).toBe(
			'The request body is not valid JSON: Unexpected end of JSON input'
		);
	});

	it('answers 413 when the server stopped the body at its own limit, and lets other stream errors through', async () => {
		const streamed = (error: unknown) => {
			const url = new URL('/api/x', SITE);
			const body = new ReadableStream({
				start(controller) {
					controller.error(error);
				}
			});
			const request = new Request(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
				duplex: 'half'
			} as RequestInit);
			return guardRequest({ request, url } as unknown as RequestEvent);
		};
		expect(
			(await streamed({ status: 413, message: 'Content-length of 2000000 exceeds limit' }))?.status
		).toBe(413);
		await expect(streamed(new Error('connection reset'))).rejects.toThrow('connection reset');
	});

	it('refuses a page request (not the API) in plain text, and keeps the connection for anything but 413', async () => {
		const refused = await guardRequest(
			event('/logout', {
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
				body: 'a=1'
			})
		);
		expect(refused?.status).toBe(403);
		expect(refused?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(refused?.headers.get('connection')).toBeNull();
		const page413 = await guardRequest(
			event('/logout', {
				headers: { 'content-type': 'text/plain', 'content-length': String(MAX_BODY_BYTES + 1) },
				body: 'x'
			})
		);
		expect(page413?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(page413?.headers.get('connection')).toBe('close');
		expect(await page413!.text()).toBe(TOO_LARGE);
	});
});
