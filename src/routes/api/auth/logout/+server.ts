import { json } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/sign-out';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	await signOut(event);
	return json({ ok: true });
};
