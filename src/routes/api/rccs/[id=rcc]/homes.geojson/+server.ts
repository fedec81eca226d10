import { canSeeHomes, denied } from '$lib/server/access';
import * as homes from '$lib/server/db/homes';
import { featureCollection } from '$lib/server/geojson';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** The homes located in the member LAs, as points placed (approximately) inside their LA. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (!canSeeHomes(user, rcc.id)) return denied(user);
	const rows = await homes.inLas(sql, rcc.laCodes);
	return featureCollection(
		rows.map((home) => ({
			geometry: { type: 'Point', coordinates: [home.lon, home.lat] },
			properties: {
				urn: home.urn,
				laCode: home.laCode,
				laName: home.laName,
				provisionType: home.provisionType,
				kind: home.kind,
				sector: home.sector,
				places: home.places,
				vacancies: home.vacancies,
				owner: home.owner,
				gradeOverall: home.gradeOverall,
				inspectionDate: home.inspectionDate,
				approximate: home.approximate
			}
		})),
		request,
		// Ofsted's open data, the same for everyone who may see the RCC's homes.
		'revalidate'
	);
};
