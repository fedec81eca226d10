import { canSeeChildLocations, denied } from '$lib/server/access';
import { hotspotCells } from '$lib/server/analysis/hotspot-cells';
import { featureCollection } from '$lib/server/geojson';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Where the member LAs' children come from, as hexagons of at least 5 children. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const cells = await hotspotCells(sql, rcc, user);
	return featureCollection(
		cells.map((cell) => ({
			geometry: { type: 'Polygon', coordinates: [cell.ring] },
			properties: { h3: cell.h3, children: cell.children, over20Miles: cell.over20Miles }
		})),
		request
	);
};
