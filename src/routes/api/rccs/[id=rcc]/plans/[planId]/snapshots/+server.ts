import { MAX_VERSION_NAME_LENGTH } from '$lib/plan/plan-limits';
import { json } from '@sveltejs/kit';
import * as Y from 'yjs';
import { z } from 'zod';
import { canEditPlans, denied } from '$lib/server/access';
import { readPlanDoc } from '$lib/plan/server/plan-doc.server';
import { planOr404 } from '$lib/plan/server/plan-request.server';
import * as snapshots from '$lib/plan/server/snapshots.server';
import type { RequestHandler } from './$types';
import { CACHE_CONTROL } from '$lib/server/json-response';

const NewSnapshot = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Name the version')
		.max(MAX_VERSION_NAME_LENGTH, `Name must be ${MAX_VERSION_NAME_LENGTH} characters or fewer`)
});

/** Named versions of the plan, newest first. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { plan, response } = await planOr404(sql, params, locals.user);
	if (!plan) return response;
	return json(await snapshots.ofPlan(sql, plan.id), {
		headers: { 'cache-control': CACHE_CONTROL['no-store'] }
	});
};

/** `{ name }`: saves the plan as stored now (text, action plan, comments) as a named version. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, plan, response } = await planOr404(sql, params, locals.user);
	if (!rcc) return response;
	if (!locals.user || !canEditPlans(locals.user, rcc.id)) return denied(locals.user);
	const input = NewSnapshot.safeParse(await request.json().catch(() => null));
	if (!input.success)
		return json({ message: input.error.issues.map((i) => i.message).join('; ') }, { status: 400 });
	const doc = await readPlanDoc(sql, plan.id);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const saved = await snapshots.save(sql, {
		planId: plan.id,
		name: input.data.name,
		state,
		createdBy: locals.user.id
	});
	return json(saved, { status: 201 });
};
