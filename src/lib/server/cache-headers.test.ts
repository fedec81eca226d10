import { describe, expect, it } from 'vitest';
import { applyCacheHeaders } from './cache-headers';

const apply = (init: Record<string, string>, signedIn: boolean) => {
	const headers = new Headers(init);
	applyCacheHeaders(headers, signedIn);
	return { cacheControl: headers.get('cache-control'), vary: headers.get('vary') };
};

describe('applyCacheHeaders', () => {
	it('makes a response that says nothing no-store, signed in or not', () => {
		expect(apply({}, true).cacheControl).toBe('private, no-store');
		expect(apply({}, false).cacheControl).toBe('private, no-store');
	});

	it('keeps what a response chose for itself', () => {
		expect(apply({ 'cache-control': 'private, no-cache' }, true).cacheControl).toBe('private, no-cache');
		expect(apply({ 'cache-control': 'private, no-store' }, false).cacheControl).toBe('private, no-store');
	});

	it('never lets a signed-in reader’s copy of a public page into a cache', () => {
		expect(apply({ 'cache-control': 'public, max-age=3600' }, true)).toEqual({
			cacheControl: 'private, no-store',
			vary: null
		});
		expect(apply({ 'cache-control': 'max-age=60, PUBLIC' }, true).cacheControl).toBe('private, no-store');
	});

	it('lets an anonymous reader’s copy be shared, varying on the cookie', () => {
		expect(apply({ 'cache-control': 'public, max-age=60' }, false)).toEqual({
			cacheControl: 'public, max-age=60',
			vary: 'cookie'
		});
		expect(apply({ 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding' }, false).vary).toBe(
			'Accept-Encoding, cookie'
		);
		expect(apply({ 'cache-control': 'public', vary: 'Cookie' }, false).vary).toBe('Cookie');
	});
});
