import { json } from '@sveltejs/kit';
import { CLEAR_SITE_DATA } from '$lib/server/auth/clear-site-data';
import { signOut } from '$lib/server/auth/sign-out';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	await signOut(event);
	return json({ ok: true }, { headers: CLEAR_SITE_DATA });
};
