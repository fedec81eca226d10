import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	if (!locals.user) return json({ message: 'Sign in to see your account.' }, { status: 401 });
	return json(locals.user, { headers: { 'cache-control': 'private, no-store' } });
};
