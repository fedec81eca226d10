import { error, fail } from '@sveltejs/kit';
import { clientOf } from '$lib/server/auth/client';
import { requirePlatformAdmin } from '$lib/server/auth/require-platform-admin';
import { requireUser } from '$lib/server/auth/require-user';
import * as users from '$lib/server/auth/users';
import * as membership from '$lib/server/membership';
import type { Actions, PageServerLoad } from './$types';

/**
 * The RCCs the signed-in person administers and, for a platform administrator, every LA with the RCC it
 * belongs to, to move between RCCs. The platform flag gives no access to any RCC's own pages or data.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { sql } = event.locals.runtime.db;
	const rccs = user.roles
		.filter((grant) => grant.role === 'rcc_admin')
		.map((grant) => ({ id: grant.rccId, name: grant.rccName }));
	const platform = (await users.isPlatformAdmin(sql, user.id))
		? {
				rccs: await sql<{ id: string; name: string }[]>`select id, name from rccs order by name`,
				las: await sql<{ code: string; name: string; rccId: string | null }[]>`
					select l.code, l.name, m.rcc_id as "rccId" from las l left join rcc_members m on m.la_code = l.code
					order by l.name`
			}
		: null;
	if (rccs.length === 0 && !platform) error(403, 'You do not administer any RCC.');
	return { rccs, platform };
};

export const actions: Actions = {
	/** Moves an LA to another RCC, or out of its RCC (`rccId` empty): audited in both RCCs. */
	moveLa: async (event) => {
		const user = await requirePlatformAdmin(event);
		const { sql } = event.locals.runtime.db;
		const form = await event.request.formData();
		const rccId = String(form.get('rccId') ?? '').trim() || null;
		const la = await membership.laNamed(sql, String(form.get('laCode') ?? ''));
		if ('problem' in la) return fail(400, { problem: la.problem });
		const outcome = await sql.begin((tx) =>
			membership.move(tx, la, rccId, {
				actor: { id: user.id, email: user.email },
				address: clientOf(event).address
			})
		);
		if ('problem' in outcome) return fail(400, { problem: outcome.problem });
		const revoked = outcome.commissionerRolesRemoved;
		return {
			done:
				`${la.name} now belongs to ${outcome.to?.name ?? 'no RCC'}` +
				(revoked > 0 ? `; ${revoked} commissioner ${revoked === 1 ? 'role' : 'roles'} for it ended` : '')
		};
	}
};
