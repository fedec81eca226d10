import type { LonLat } from '../types';

const EARTH_RADIUS_MILES = 6_371_008.8 / 1609.344;
const RADIANS = Math.PI / 180;

/**
 * The same great-circle distance as Turf's (haversine, radius 6,371,008.8 m) without its argument
 * checks, for the many candidate tests; the distances kept are measured again with distanceMiles.
 */
export function quickMiles(a: LonLat, b: LonLat): number {
	const dLat = (b[1] - a[1]) * RADIANS;
	const dLon = (b[0] - a[0]) * RADIANS;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(a[1] * RADIANS) * Math.cos(b[1] * RADIANS);
	return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)) * EARTH_RADIUS_MILES;
}

/** The point `miles` away from `from` on the initial bearing `bearing` (radians from north). */
export function destination(from: LonLat, miles: number, bearing: number): LonLat {
	const angle = miles / EARTH_RADIUS_MILES;
	const lat1 = from[1] * RADIANS;
	const lon1 = from[0] * RADIANS;
	const lat2 = Math.asin(
		Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing)
	);
	const lon2 =
		lon1 +
		Math.atan2(
			Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
			Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2)
		);
	return [lon2 / RADIANS, lat2 / RADIANS];
}
