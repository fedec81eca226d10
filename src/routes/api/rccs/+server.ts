import { json } from '@sveltejs/kit';
import { canSeeMapData, canSeeRcc, denied } from '$lib/server/access';
import * as rccs from '$lib/server/db/rccs';
import { headline } from '$lib/domain/summary';
import { rccSummaries } from '$lib/server/rcc-summary';
import type { RequestHandler } from './$types';
import { CACHE_CONTROL } from '$lib/server/json-response';

/** The RCCs the user may see, demo groupings first, then England, each with a few headline figures. */
export const GET: RequestHandler = async ({ locals }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	if (!canSeeMapData(user)) return denied(user);
	const visible = (await rccs.list(sql)).filter((rcc) => canSeeRcc(user, rcc.id));
	// Read once for all of them: England's data covers every RCC's.
	const summaries = await rccSummaries(sql, visible, user);
	// Figures suppressed for this reader: never kept by the browser.
	return json(summaries.map(headline), { headers: { 'cache-control': CACHE_CONTROL['no-store'] } });
};
