import { error } from '@sveltejs/kit';
import * as rccs from '$lib/server/db/rccs';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/** Public: every published version of a plan. A plan never published is not found (drafts stay private). */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const { sql } = locals.runtime.db;
	const versions = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(params.planId)
		? await publishedVersions.ofPlan(sql, params.rccId, params.planId)
		: [];
	if (versions.length === 0) error(404, 'There is no published plan at this address.');
	const rcc = await rccs.find(sql, params.rccId);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { rccName: rcc?.name ?? params.rccId, versions };
};
