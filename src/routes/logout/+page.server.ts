import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/sign-out';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return { email: locals.user.email };
};

/** Sign-out is a POST (a link could be followed by a prefetch or another site). */
export const actions: Actions = {
	default: async (event) => {
		await signOut(event);
		redirect(303, '/login');
	}
};
