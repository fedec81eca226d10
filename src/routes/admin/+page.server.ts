import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import type { PageServerLoad } from './$types';

/** The RCCs the signed-in person administers. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const rccs = user.roles
		.filter((grant) => grant.role === 'rcc_admin')
		.map((grant) => ({ id: grant.rccId, name: grant.rccName }));
	if (rccs.length === 0) error(403, 'You do not administer any RCC.');
	return { rccs };
};
