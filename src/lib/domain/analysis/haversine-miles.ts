/** Turf's mean Earth radius (6,371,008.8 m) in statute miles, so results agree with `@turf/distance`. */
export const EARTH_RADIUS_MILES = 6371008.8 / 1609.344;

const RADIANS = Math.PI / 180;

/**
 * Great-circle distance in miles: the DfE straight-line measure. The same haversine formula and radius
 * as Turf, taking bare numbers so the hot loops allocate nothing.
 */
export function haversineMiles(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const sinHalfLat = Math.sin(((lat2 - lat1) * RADIANS) / 2);
	const sinHalfLon = Math.sin(((lon2 - lon1) * RADIANS) / 2);
	// The cosines multiply first so that swapping the points gives the same bits (exact symmetry).
	const cosines = Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS);
	const a = sinHalfLat * sinHalfLat + sinHalfLon * sinHalfLon * cosines;
	return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_MILES;
}
