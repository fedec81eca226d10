import { error } from '@sveltejs/kit';
import { ENGLAND_ID } from '$lib/domain/types';
import * as rccs from '$lib/server/db/rccs';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/** Public: the strategies an RCC has published (drafts never show), or that it has published none yet. */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const { sql } = locals.runtime.db;
	const rcc = params.rccId === ENGLAND_ID ? null : await rccs.find(sql, params.rccId);
	if (!rcc) error(404, `There is no Regional Care Cooperative called "${params.rccId}".`);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { rccName: rcc.name, plans: await publishedVersions.latestOfRcc(sql, rcc.id) };
};
