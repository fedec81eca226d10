import type postgres from 'postgres';
import { distanceMiles, FAR_FROM_HOME_MILES } from '$lib/domain/distance';
import { hotspots, type HotspotCell } from '$lib/domain/hotspots';
import { ENGLAND_ID, type CurrentUser } from '$lib/domain/types';
import { canSeeChildRecords } from '../access';
import * as children from '../db/children';
import type { Rcc } from '../db/rccs';

/** H3 resolution 6 (cells of ~36 km²) for a region; 5 (~250 km²) for the whole country. */
const RESOLUTION_RCC = 6;
const RESOLUTION_ENGLAND = 5;

/**
 * Where the member LAs' children come from, as hexagons of at least 5 children, suppressed for this
 * reader: the map's hotspots layer and its export are both this, so they cannot be set against each
 * other. The caller has checked `canSeeChildLocations`.
 */
export async function hotspotCells(
	sql: postgres.Sql,
	rcc: Rcc,
	user: CurrentUser | null
): Promise<HotspotCell[]> {
	const rows = await children.placementsOf(sql, rcc.laCodes);
	return hotspots(
		rows.map((child) => ({
			home: child.home,
			over20Miles:
				child.placement !== null && distanceMiles(child.home, child.placement) > FAR_FROM_HOME_MILES,
			// A commissioner holds their own LA's records: cells are suppressed knowing that.
			own: canSeeChildRecords(user, child.laCode)
		})),
		rcc.id === ENGLAND_ID ? RESOLUTION_ENGLAND : RESOLUTION_RCC
	);
}
