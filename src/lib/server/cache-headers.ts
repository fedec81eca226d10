import { CACHE_CONTROL } from './json-response';

/**
 * The browser-cache rule for every dynamic response (README "Accounts and access"): a response that says
 * nothing is `no-store`, since pages carry the signed-in person's name and roles and the API answers per
 * reader; `public` (published strategies) holds only for anonymous readers, as a signed-in reader's copy
 * of the same page carries their account in its header and data, and varies on the cookie so that a
 * cache never hands the anonymous copy to a signed-in person or the other way round.
 */
export function applyCacheHeaders(headers: Headers, signedIn: boolean): void {
	const cacheControl = headers.get('cache-control');
	const isPublic = cacheControl !== null && /(^|[\s,])public([\s,]|$)/i.test(cacheControl);
	if (cacheControl === null || (isPublic && signedIn)) {
		headers.set('cache-control', CACHE_CONTROL['no-store']);
		return;
	}
	if (isPublic) {
		const vary = headers.get('vary');
		if (
			!vary
				?.toLowerCase()
				.split(/\s*,\s*/)
				.includes('cookie')
		)
			headers.set('vary', vary ? `${vary}, cookie` : 'cookie');
	}
}
