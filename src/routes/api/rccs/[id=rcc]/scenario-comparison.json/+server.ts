import { ENGLAND_ID } from '$lib/domain/types';
import { canSeeChildRecords } from '$lib/server/access';
import { regionAnalysis } from '$lib/server/analysis/region-analysis';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import { compareScenarios, comparedScenario, TODAY } from '$lib/server/workshop/compare-scenarios';
import { readMapDoc } from '$lib/server/workshop/map-doc';
import { readScenario } from '$lib/workshop/schema';
import type { RequestHandler } from './$types';

/**
 * `?a=<scenario id>&b=<scenario id | today>`: two scenarios of the RCC's workshop document (`map:<rccId>`,
 * as stored), or a scenario and today, side by side per member LA and for the region (share placed over
 * 20 miles, children brought within 20 miles, places added by kind and their weekly cost), suppressed as
 * one response except the reader's own LAs. Every role of the RCC may read it: it shows only what the
 * scenarios (which every role reads) do to figures suppressed as everywhere.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('Scenarios are per RCC.');
	const ids = { a: url.searchParams.get('a') ?? '', b: url.searchParams.get('b') ?? TODAY };
	const doc = await readMapDoc(sql, rcc.id);
	const scenarios = {
		a: ids.a === TODAY ? null : readScenario(doc, ids.a),
		b: ids.b === TODAY ? null : readScenario(doc, ids.b)
	};
	for (const side of ['a', 'b'] as const) {
		if (ids[side] !== TODAY && !scenarios[side])
			return notFound(`There is no scenario "${ids[side].slice(0, 64)}" on this RCC's map.`);
	}
	doc.destroy();
	const context = await regionAnalysis(sql, rcc);
	const comparison = compareScenarios(
		context,
		{ a: comparedScenario(context, scenarios.a), b: comparedScenario(context, scenarios.b) },
		{ rccId: rcc.id, members: rcc.laCodes, known: (code) => canSeeChildRecords(user!, code) }
	);
	return jsonResponse(comparison, { request });
};
