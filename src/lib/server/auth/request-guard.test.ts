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
});
