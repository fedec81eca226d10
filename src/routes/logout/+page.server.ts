import { redirect } from '@sveltejs/kit';
import { CLEAR_SITE_DATA } from '$lib/server/auth/clear-site-data';
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
		event.setHeaders(CLEAR_SITE_DATA);
		redirect(303, '/login');
	}
};
