import { distanceMiles, FAR_FROM_HOME_MILES } from '$lib/domain/distance';
import { hotspots } from '$lib/domain/hotspots';
import { ENGLAND_ID } from '$lib/domain/types';
import { canSeeChildLocations, canSeeChildRecords, denied } from '$lib/server/access';
import * as children from '$lib/server/db/children';
import { featureCollection } from '$lib/server/geojson';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** H3 resolution 6 (cells of ~36 km²) for a region; 5 (~250 km²) for the whole country. */
const RESOLUTION_RCC = 6;
const RESOLUTION_ENGLAND = 5;

/** Where the member LAs' children come from, as hexagons of at least 5 children. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const rows = await children.placementsOf(sql, rcc.laCodes);
	const cells = hotspots(
		rows.map((child) => ({
			home: child.home,
			over20Miles: child.placement !== null && distanceMiles(child.home, child.placement) > FAR_FROM_HOME_MILES,
			// A commissioner holds their own LA's records: cells are suppressed knowing that.
			own: canSeeChildRecords(user, child.laCode)
		})),
		rcc.id === ENGLAND_ID ? RESOLUTION_ENGLAND : RESOLUTION_RCC
	);
	return featureCollection(
		cells.map((cell) => ({
			geometry: { type: 'Polygon', coordinates: [cell.ring] },
			properties: { h3: cell.h3, children: cell.children, over20Miles: cell.over20Miles }
		})),
		request
	);
};
