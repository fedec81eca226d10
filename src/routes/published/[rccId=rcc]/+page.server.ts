import { error } from '@sveltejs/kit';
import * as rccs from '$lib/server/db/rccs';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/** Public: the strategies an RCC has published (drafts never show). */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const { sql } = locals.runtime.db;
	const plans = await publishedVersions.latestOfRcc(sql, params.rccId);
	if (plans.length === 0) error(404, 'This region has published no strategy yet.');
	const rcc = await rccs.find(sql, params.rccId);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { rccName: rcc?.name ?? params.rccId, plans };
};
