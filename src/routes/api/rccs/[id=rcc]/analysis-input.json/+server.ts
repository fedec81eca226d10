import { ENGLAND_ID } from '$lib/domain/types';
import { canSeeChildRecords, canSeeHomes, denied } from '$lib/server/access';
import { analysisInputOf } from '$lib/server/db/analysis-input';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * The analysis engine's input for the browser's analysis worker: the RCC's homes, fostering and
 * boundaries, and only the children whose records this user may see (a commissioner: their own LA's;
 * anyone else: none, and gaps and what-if come from gaps.json and what-if.json instead).
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('The analysis is per RCC.');
	if (!canSeeHomes(user, rcc.id)) return denied(user);
	const visible = rcc.laCodes.filter((code) => canSeeChildRecords(user, code));
	return jsonResponse(await analysisInputOf(sql, rcc, visible), { request });
};
