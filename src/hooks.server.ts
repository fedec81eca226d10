import type { Handle } from '@sveltejs/kit';
import { apiErrorAsJson } from '$lib/server/api-error-as-json';
import { authenticate } from '$lib/server/auth/authenticate';
import { guardRequest } from '$lib/server/auth/request-guard';
import { applyCacheHeaders } from '$lib/server/cache-headers';
import { runtime } from '$lib/server/runtime';
import { applySecurityHeaders } from '$lib/server/security-headers';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await runtime();
	let response = await guardRequest(event);
	if (!response) {
		await authenticate(event);
		response = await resolve(event);
	}
	if (event.url.pathname.startsWith('/api/')) response = await apiErrorAsJson(response);
	applyCacheHeaders(response.headers, Boolean(event.locals.user));
	applySecurityHeaders(response.headers, {
		pathname: event.url.pathname,
		basemapStyle: event.locals.runtime.config.basemapStyle
	});
	return response;
};
