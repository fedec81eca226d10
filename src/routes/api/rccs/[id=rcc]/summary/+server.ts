import { json } from '@sveltejs/kit';
import { rccSummary } from '$lib/server/rcc-summary';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Per member LA and for the region: figures computed from the data beside the published ones. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	return json(await rccSummary(sql, rcc, locals.user), {
		headers: { 'cache-control': 'private, max-age=60' }
	});
};
