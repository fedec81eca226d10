import { ENGLAND_ID } from '$lib/domain/types';
import { rccCosts } from '$lib/server/forecast/rcc-costs';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Weekly cost per placement by type and sector, its spread and outliers, and the spend it implies. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('Costs are per RCC.');
	return jsonResponse(await rccCosts(sql, rcc, locals.user), { request });
};
