import { json } from '@sveltejs/kit';
import { canEditPlans, denied } from '$lib/server/access';
import { rccOr404 } from '$lib/server/responses';
import { createPlan, NewPlanInput } from '$lib/plan/server/create-plan.server';
import * as plans from '$lib/plan/server/plans.server';
import type { RequestHandler } from './$types';
import { CACHE_CONTROL } from '$lib/server/json-response';

/** The RCC's plans, newest first: anyone with a role in the RCC. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	return json(await plans.ofRcc(sql, rcc.id), { headers: { 'cache-control': CACHE_CONTROL['no-store'] } });
};

/** `{ title, period }` -> 201 and the new plan, its text the statutory-guidance template. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	if (!canEditPlans(locals.user, rcc.id) || !locals.user) return denied(locals.user);
	const input = NewPlanInput.safeParse(await request.json().catch(() => null));
	if (!input.success)
		return json({ message: input.error.issues.map((i) => i.message).join('; ') }, { status: 400 });
	const plan = await createPlan(sql, { rcc, user: locals.user, input: input.data });
	return json(plan, { status: 201, headers: { location: `/rcc/${rcc.id}/plans/${plan.id}` } });
};
