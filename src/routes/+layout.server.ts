import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header and for pages deciding between their content and a sign-in link. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	if (!user) return { user: null };
	// Roles let a page offer what the server will allow (e.g. the map's "Your LA's children"); the
	// server still decides every request.
	const roles = user.roles.map(({ rccId, role, laCode, laName }) => ({ rccId, role, laCode, laName }));
	// The id names the person in the workshop's hand-off of facilitation (src/lib/workshop/facilitators.ts).
	return {
		user: { id: user.id, name: user.name, email: user.email, laName: user.la?.name ?? null, roles }
	};
};
