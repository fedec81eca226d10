import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { CACHE_CONTROL } from '$lib/server/json-response';

export const GET: RequestHandler = ({ locals }) => {
	if (!locals.user) return json({ message: 'Sign in to see your account.' }, { status: 401 });
	return json(locals.user, { headers: { 'cache-control': CACHE_CONTROL['no-store'] } });
};
