import { json } from '@sveltejs/kit';
import { canAdministerRcc, denied } from '$lib/server/access';
import { planOr404 } from '$lib/plan/server/plan-request.server';
import { publishPlan } from '$lib/plan/server/publish-plan.server';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { RequestHandler } from './$types';

/** Published versions of the plan, newest first. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { rcc, plan, response } = await planOr404(sql, params, locals.user);
	if (!rcc) return response;
	return json(await publishedVersions.ofPlan(sql, rcc.id, plan.id));
};

/** RCC administrators only: freezes the plan as it is stored now into its next numbered version. */
export const POST: RequestHandler = async (event) => {
	const { locals, params } = event;
	const { sql } = locals.runtime.db;
	const { rcc, plan, response } = await planOr404(sql, params, locals.user);
	if (!rcc) return response;
	if (!locals.user || !canAdministerRcc(locals.user, rcc.id)) return denied(locals.user);
	const published = await publishPlan(sql, { rcc, plan, user: locals.user, address: clientAddress(event) });
	const url = `/published/${rcc.id}/${plan.id}/v${published.version}`;
	return json({ ...published, url }, { status: 201, headers: { location: url } });
};

function clientAddress(event: { getClientAddress?: () => string }): string | null {
	try {
		return event.getClientAddress?.() ?? null;
	} catch {
		return null;
	}
}
