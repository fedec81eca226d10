import { z } from 'zod';
import { withinRadius } from '$lib/domain/analysis';
import { RADIUS_MAX_MILES, RADIUS_MIN_MILES } from '$lib/map/parse-radius-miles';
import { canSeeChildLocations, canSeeChildRecords, denied } from '$lib/server/access';
import { demandWithin } from '$lib/server/analysis/demand-within';
import { englandAnalysis } from '$lib/server/analysis/region-analysis';
import { suppressRadius } from '$lib/server/analysis/suppress-radius';
import { jsonResponse } from '$lib/server/json-response';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** A number from the query string: present, and a finite number, before its range is checked. */
const queryNumber = (name: string) =>
	z
		.string({ error: `${name} is required.` })
		.trim()
		.min(1, `${name} is required.`)
		.transform(Number)
		.refine(Number.isFinite, `${name} must be a number.`);

const radiusQuery = z.object({
	lon: queryNumber('lon').pipe(
		z.number().min(-180, 'lon must be between -180 and 180.').max(180, 'lon must be between -180 and 180.')
	),
	lat: queryNumber('lat').pipe(
		z.number().min(-90, 'lat must be between -90 and 90.').max(90, 'lat must be between -90 and 90.')
	),
	miles: queryNumber('miles').pipe(
		z
			.number()
			.min(RADIUS_MIN_MILES, `miles must be between ${RADIUS_MIN_MILES} and ${RADIUS_MAX_MILES}.`)
			.max(RADIUS_MAX_MILES, `miles must be between ${RADIUS_MIN_MILES} and ${RADIUS_MAX_MILES}.`)
	)
});

/**
 * The radius tool: `?lon=&lat=&miles=` (1-100 miles) -> the homes, places, vacancies, fostering
 * capacity and children within the circle, over all of England, not only the RCC's member LAs, so a
 * circle at the region's edge counts what lies over the border. Children are counted as whole demand
 * hexagons of 5 or more (suppress-radius.ts), except the reader's own LAs'. Unlike the per-RCC analyses it also answers for
 * England (anyone signed in), whose map has the same tool.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const parsed = radiusQuery.safeParse({
		lon: url.searchParams.get('lon') ?? undefined,
		lat: url.searchParams.get('lat') ?? undefined,
		miles: url.searchParams.get('miles') ?? undefined
	});
	if (!parsed.success)
		return Response.json(
			{
				message: `Invalid radius query: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`,
				issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
			},
			{ status: 400 }
		);
	const { lon, lat, miles } = parsed.data;
	const context = await englandAnalysis(sql);
	const summary = withinRadius(context, [lon, lat], miles);
	const names = new Map(
		context.input.boundaries.map((boundary) => [boundary.code, boundary.name ?? boundary.code])
	);
	const own = rcc.laCodes.filter((code) => canSeeChildRecords(user, code));
	const result = suppressRadius(summary, demandWithin(context, [lon, lat], miles, own), {
		names,
		members: new Set(rcc.laCodes),
		own
	});
	return jsonResponse(result, { request });
};
