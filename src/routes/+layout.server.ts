import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header and for pages deciding between their content and a sign-in link. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return { user: user ? { name: user.name, email: user.email, laName: user.la?.name ?? null } : null };
};
