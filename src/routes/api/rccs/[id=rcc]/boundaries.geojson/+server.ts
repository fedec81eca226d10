import { per10k } from '$lib/domain/per-10k';
import { childFigures } from '$lib/server/child-figures';
import * as children from '$lib/server/db/children';
import * as fostering from '$lib/server/db/fostering';
import * as las from '$lib/server/db/las';
import { featureCollection, round } from '$lib/server/geojson';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Member LAs' polygons and their neighbours', with the figures the choropleths need. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	const boundaries = await las.boundariesAround(sql, rcc.laCodes, las.MAP_CONTEXT_MARGIN_DEGREES);
	const codes = boundaries.map((la) => la.code);
	const [childRows, capacity] = await Promise.all([children.placementsOf(sql, rcc.laCodes), fostering.ofLas(sql, codes)]);
	// Suppressed exactly as in the summary, so that the two cannot be set against each other.
	const childCounts =
		rcc.laCodes.length > 0 ? childFigures(rcc.laCodes, childRows, locals.user).byLa : new Map();
	const capacityByLa = new Map(capacity.map((row) => [row.laCode, row]));
	return featureCollection(
		boundaries.map((la) => {
			const fosteringRow = capacityByLa.get(la.code);
			return {
				geometry: la.geometry,
				properties: {
					code: la.code,
					name: la.name,
					member: la.member,
					regionName: la.regionName,
					population0to17: la.population0to17,
					childrenLookedAfter: la.member ? (childCounts.get(la.code)?.childrenLookedAfter.value ?? null) : null,
					fosteringHouseholds: fosteringRow?.households ?? null,
					fosteringPlaces: fosteringRow?.places ?? null,
					fosteringVacancies: fosteringRow?.vacancies ?? null,
					fosteringPlacesPer10k: per10k(fosteringRow?.places ?? null, la.population0to17),
					fosteringVacanciesPer10k: per10k(fosteringRow?.vacancies ?? null, la.population0to17),
					labelLon: round(la.labelLon),
					labelLat: round(la.labelLat)
				}
			};
		}),
		request
	);
};
