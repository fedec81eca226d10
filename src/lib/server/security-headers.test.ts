import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, basemapOrigin, NON_PAGE_POLICY } from './security-headers';

const PAGE_POLICY =
	"default-src 'self'; script-src 'self' 'nonce-abc'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";

function apply(pathname: string, init: Record<string, string> = {}, basemapStyle: string | null = null) {
	const headers = new Headers(init);
	applySecurityHeaders(headers, { pathname, basemapStyle });
	return headers;
}

const directive = (headers: Headers, name: string) =>
	headers
		.get('content-security-policy')!
		.split(';')
		.map((part) => part.trim())
		.find((part) => part.split(' ')[0] === name);

describe('applySecurityHeaders', () => {
	it('sets nosniff and the referrer policy on every response', () => {
		for (const headers of [apply('/api/me'), apply('/rcc/gm', { 'content-security-policy': PAGE_POLICY })]) {
			expect(headers.get('x-content-type-options')).toBe('nosniff');
			expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		}
	});

	it('forbids framing a page, keeping the page policy SvelteKit wrote', () => {
		const headers = apply('/rcc/gm', { 'content-security-policy': PAGE_POLICY });
		expect(directive(headers, 'frame-ancestors')).toBe("frame-ancestors 'none'");
		expect(directive(headers, 'script-src')).toBe("script-src 'self' 'nonce-abc'");
		expect(headers.get('x-frame-options')).toBe('DENY');
	});

	it('lets published pages be embedded anywhere', () => {
		for (const pathname of ['/published', '/published/gm', '/published/gm/plan-1/v2']) {
			const headers = apply(pathname, { 'content-security-policy': PAGE_POLICY });
			expect(directive(headers, 'frame-ancestors')).toBeUndefined();
			expect(headers.get('x-frame-options')).toBeNull();
		}
		// Not a prefix match on the word.
		expect(
			directive(apply('/publishedx', { 'content-security-policy': PAGE_POLICY }), 'frame-ancestors')
		).toBe("frame-ancestors 'none'");
	});

	it('gives anything that is not a page a policy that loads and frames nothing', () => {
		expect(apply('/api/rccs/gm/analysis-input.json').get('content-security-policy')).toBe(NON_PAGE_POLICY);
		expect(apply('/healthz').get('x-frame-options')).toBe('DENY');
	});

	it('allows the basemap style’s origin to be fetched and drawn', () => {
		const headers = apply(
			'/rcc/gm',
			{ 'content-security-policy': PAGE_POLICY },
			'https://tiles.example.org/styles/light.json?key=k'
		);
		expect(directive(headers, 'connect-src')).toBe("connect-src 'self' https://tiles.example.org");
		expect(directive(headers, 'img-src')).toBe("img-src 'self' data: blob: https://tiles.example.org");
		expect(directive(headers, 'script-src')).toBe("script-src 'self' 'nonce-abc'");
	});
});

describe('basemapOrigin', () => {
	it('is the origin of an absolute http(s) URL, and nothing otherwise', () => {
		expect(basemapOrigin('https://tiles.example.org:8443/a/style.json')).toBe(
			'https://tiles.example.org:8443'
		);
		expect(basemapOrigin('/styles/local.json')).toBeNull();
		expect(basemapOrigin('javascript:alert(1)')).toBeNull();
		expect(basemapOrigin("https://x.example/'; script-src *")).toBe('https://x.example');
		expect(basemapOrigin(null)).toBeNull();
	});
});
