import { MAX_HORIZON } from '$lib/domain/forecast';
import { rccForecast } from '$lib/server/forecast/rcc-forecast';
import { jsonResponse } from '$lib/server/json-response';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * Children looked after per member LA and for the region: the published series, the forecast 1-5
 * years ahead (`?horizon=`, default 5) with its band, and the backtest beside the naive forecast's.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const { rcc, response } = await rccOr404(locals.runtime.db.sql, params.id, locals.user);
	if (!rcc) return response;
	const asked = url.searchParams.get('horizon') ?? String(MAX_HORIZON);
	const horizon = Number(asked);
	if (!/^\d+$/.test(asked) || horizon < 1 || horizon > MAX_HORIZON)
		return Response.json(
			{ message: `horizon must be a whole number of years from 1 to ${MAX_HORIZON}.` },
			{ status: 400 }
		);
	return jsonResponse(rccForecast(rcc, horizon), { request });
};
