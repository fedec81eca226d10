import { jsonResponse } from '$lib/server/json-response';
import { rccSummary } from '$lib/server/rcc-summary';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Per member LA and for the region: figures computed from the data beside the published ones. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	return jsonResponse(await rccSummary(sql, rcc, locals.user), { request });
};
