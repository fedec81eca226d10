import { FORMULAS, type Formula } from '$lib/domain/costs';
import { ENGLAND_ID } from '$lib/domain/types';
import { rccCostSharing } from '$lib/server/forecast/rcc-cost-sharing';
import { jsonResponse } from '$lib/server/json-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

const LA_CODE = /^E\d{8}$/;

/**
 * The RCC's running costs split between its members: `?formula=banded|proportional|equal` (default
 * banded); `&join=<code>,<code>&leave=<code>` adds what that change of membership would do.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	if (rcc.id === ENGLAND_ID) return notFound('Cost sharing is per RCC.');
	const formula = url.searchParams.get('formula') ?? 'banded';
	if (!(FORMULAS as readonly string[]).includes(formula))
		return Response.json({ message: `formula must be one of ${FORMULAS.join(', ')}.` }, { status: 400 });
	const codes = (name: string) =>
		(url.searchParams.get(name) ?? '')
			.split(',')
			.map((code) => code.trim().toUpperCase())
			.filter(Boolean);
	const join = codes('join');
	const leave = codes('leave');
	const bad = [...join, ...leave].find((code) => !LA_CODE.test(code));
	if (bad !== undefined)
		return Response.json(
			{ message: `"${bad}" is not an LA code (E followed by 8 digits).` },
			{ status: 400 }
		);
	if (join.length + leave.length > 20)
		return Response.json({ message: 'At most 20 LAs may join or leave at once.' }, { status: 400 });
	const answer = await rccCostSharing(sql, rcc, { formula: formula as Formula, join, leave });
	if ('message' in answer) return Response.json({ message: answer.message }, { status: 400 });
	return jsonResponse(answer.result, { request });
};
