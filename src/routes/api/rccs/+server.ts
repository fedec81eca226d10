import { json } from '@sveltejs/kit';
import { canSeeMapData, canSeeRcc, denied } from '$lib/server/access';
import * as rccs from '$lib/server/db/rccs';
import { headline } from '$lib/domain/summary';
import { rccSummary } from '$lib/server/rcc-summary';
import type { RequestHandler } from './$types';

/** The RCCs the user may see, demo groupings first, then England, each with a few headline figures. */
export const GET: RequestHandler = async ({ locals }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	if (!canSeeMapData(user)) return denied(user);
	const visible = (await rccs.list(sql)).filter((rcc) => canSeeRcc(user, rcc.id));
	const listings = [];
	// One at a time: the embedded database has a single connection anyway.
	for (const rcc of visible) listings.push(headline(await rccSummary(sql, rcc, user)));
	return json(listings, { headers: { 'cache-control': 'private, max-age=60' } });
};
