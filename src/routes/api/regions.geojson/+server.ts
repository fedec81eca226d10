import { canSeeMapData, denied } from '$lib/server/access';
import * as regions from '$lib/server/db/regions';
import { featureCollection } from '$lib/server/geojson';
import type { RequestHandler } from './$types';

/** England's 9 regions: the base the map draws under everything else. Open data, but map data: signed-in only. */
export const GET: RequestHandler = async ({ locals, request }) => {
	if (!canSeeMapData(locals.user)) return denied(locals.user);
	const rows = await regions.all(locals.runtime.db.sql);
	return featureCollection(
		rows.map((region) => ({ geometry: region.geometry, properties: { code: region.code, name: region.name } })),
		request,
		// Open data, the same for everyone signed in.
		'revalidate'
	);
};
