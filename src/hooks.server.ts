import type { Handle } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await runtime();
	return resolve(event);
};
