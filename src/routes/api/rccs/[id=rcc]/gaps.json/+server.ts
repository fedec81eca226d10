import { ENGLAND_ID } from '$lib/domain/types';
import { canSeeChildLocations, denied } from '$lib/server/access';
import { DEFAULT_GAP_RESOLUTION, gapCells } from '$lib/server/analysis/gap-cells';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * H3 resolution 5 by default: cells of ~250 km² (~10 miles across), the scale of the 20-mile question
 * and large enough that most hold the five children a published cell needs; `?resolution=6` (~36 km²)
 * for a closer look.
 */
const RESOLUTIONS = new Set([5, 6]);

/**
 * Gaps of the RCC, ranked: cells whose children are placed over 20 miles away with no suitable vacancy
 * within 20 miles, computed on the server over all member LAs' children and published suppressed. Each
 * cell's `unserved` says who they are (provision needed, age band, needs, per LA) and what would serve
 * the largest group.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('The analysis is per RCC.');
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const asked = Number(url.searchParams.get('resolution') ?? DEFAULT_GAP_RESOLUTION);
	if (!RESOLUTIONS.has(asked))
		return Response.json({ message: 'resolution must be 5 or 6.' }, { status: 400 });
	return jsonResponse({ resolution: asked, cells: await gapCells(sql, rcc, user, asked) }, { request });
};
