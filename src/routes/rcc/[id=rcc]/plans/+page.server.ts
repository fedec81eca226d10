import { error, fail, redirect } from '@sveltejs/kit';
import { canEditPlans } from '$lib/server/access';
import { requireUser } from '$lib/server/auth/require-user';
import * as rccs from '$lib/server/db/rccs';
import { canSeeRcc } from '$lib/server/access';
import { createPlan, NewPlanInput } from '$lib/plan/server/create-plan.server';
import * as plans from '$lib/plan/server/plans.server';
import type { Actions, PageServerLoad } from './$types';

async function rccFor(event: Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const rcc = await rccs.find(event.locals.runtime.db.sql, event.params.id);
	if (!rcc || rcc.id === 'england' || !canSeeRcc(user, rcc.id)) {
		error(404, `There is no region called "${event.params.id}" that you can see.`);
	}
	return { user, rcc };
}

export const load: PageServerLoad = async (event) => {
	const { user, rcc } = await rccFor(event);
	return {
		rcc: { id: rcc.id, name: rcc.name },
		plans: await plans.ofRcc(event.locals.runtime.db.sql, rcc.id),
		canEdit: canEditPlans(user, rcc.id)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, rcc } = await rccFor(event as never);
		if (!canEditPlans(user, rcc.id))
			return fail(403, { message: 'Only commissioners and administrators can start a plan.' });
		const form = await event.request.formData();
		const values = { title: String(form.get('title') ?? ''), period: String(form.get('period') ?? '') };
		const input = NewPlanInput.safeParse(values);
		if (!input.success) {
			const errors: Record<string, string> = {};
			for (const issue of input.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { values, errors });
		}
		const plan = await createPlan(event.locals.runtime.db.sql, { rcc, user, input: input.data });
		redirect(303, `/rcc/${rcc.id}/plans/${plan.id}`);
	}
};
