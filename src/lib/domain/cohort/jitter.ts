import type { LonLat } from '../types';
import type { Random } from './random';

const METRES_PER_DEGREE_LATITUDE = 111_320;

/**
 * A point displaced from `point` by a random offset, normally distributed with the given standard
 * deviation in metres on each axis, rounded to 5 decimal places (about 1 m) like the stored GeoJSON.
 */
export function jitter(point: LonLat, metres: number, random: Random): LonLat {
	const dLat = (random.normal() * metres) / METRES_PER_DEGREE_LATITUDE;
	const dLon =
		(random.normal() * metres) / (METRES_PER_DEGREE_LATITUDE * Math.cos((point[1] * Math.PI) / 180));
	return [round5(point[0] + dLon), round5(point[1] + dLat)];
}

export function round5(value: number): number {
	return Math.round(value * 1e5) / 1e5;
}
