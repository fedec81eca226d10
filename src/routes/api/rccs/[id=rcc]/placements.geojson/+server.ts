import { distanceMiles, FAR_FROM_HOME_MILES } from '$lib/domain/distance';
import { ENGLAND_ID, type LonLat } from '$lib/domain/types';
import { canSeeChildRecords } from '$lib/server/access';
import * as children from '$lib/server/db/children';
import { featureCollection } from '$lib/server/geojson';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * A line from each child's generalised home location to their placement, for the children whose
 * records the user may see; children whose placement is not known have no line.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	// England is aggregates only: a commissioner's children are on their own RCC's map.
	const visibleLas =
		rcc.id === ENGLAND_ID ? [] : rcc.laCodes.filter((laCode) => canSeeChildRecords(user, laCode));
	const rows = visibleLas.length > 0 ? await children.ofLas(sql, visibleLas) : [];
	const placed = rows.filter((child): child is typeof child & { placement: LonLat } => child.placement !== null);
	return featureCollection(
		placed.map((child) => {
			const miles = distanceMiles(child.home, child.placement);
			return {
				geometry: { type: 'LineString', coordinates: [child.home, child.placement] },
				properties: {
					childId: child.id,
					laCode: child.laCode,
					placementType: child.placementType,
					placementLaCode: child.placementLaCode,
					urn: child.urn,
					miles: Math.round(miles * 10) / 10,
					outsideLa: child.placementLaCode !== null && child.placementLaCode !== child.laCode,
					over20Miles: miles > FAR_FROM_HOME_MILES
				}
			};
		}),
		request
	);
};
