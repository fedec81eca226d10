import { error } from '@sveltejs/kit';
import { canAdministerRcc, canEditPlans, canSeeRcc, roleIn } from '$lib/server/access';
import { requireUser } from '$lib/server/auth/require-user';
import * as las from '$lib/server/db/las';
import * as rccs from '$lib/server/db/rccs';
import * as plans from '$lib/plan/server/plans.server';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/** The editor: the plan's row and who may do what; the text itself comes over the collaboration socket. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { sql } = event.locals.runtime.db;
	const rcc = await rccs.find(sql, event.params.id);
	if (!rcc || !canSeeRcc(user, rcc.id))
		error(404, `There is no region called "${event.params.id}" that you can see.`);
	const plan = await plans.find(sql, rcc.id, event.params.planId);
	if (!plan) error(404, `There is no such plan in ${rcc.name}.`);
	const members = await las.withPublished(sql, rcc.laCodes);
	const grant = roleIn(user, rcc.id);
	return {
		rcc: { id: rcc.id, name: rcc.name },
		plan,
		las: members.map((la) => ({ code: la.code, name: la.name })),
		me: {
			id: user.id,
			name: user.name,
			laCode: grant?.laCode ?? user.la?.code ?? null,
			laName: grant?.laName ?? user.la?.name ?? null
		},
		canEdit: canEditPlans(user, rcc.id),
		canPublish: canAdministerRcc(user, rcc.id),
		published: await publishedVersions.ofPlan(sql, rcc.id, plan.id)
	};
};
