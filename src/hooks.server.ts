import type { Handle } from '@sveltejs/kit';
import { authenticate } from '$lib/server/auth/authenticate';
import { guardRequest } from '$lib/server/auth/request-guard';
import { runtime } from '$lib/server/runtime';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await runtime();
	const refused = await guardRequest(event);
	if (refused) return refused;
	await authenticate(event);
	return resolve(event);
};
