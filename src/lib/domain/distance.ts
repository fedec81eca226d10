import { distance } from '@turf/distance';
import type { LonLat } from './types';

/** Distances beyond this many miles from home are what DfE reports as "placed more than 20 miles". */
export const FAR_FROM_HOME_MILES = 20;

/**
 * The DfE measure of distance between a child's home and their placement: a straight line (great
 * circle, Turf's haversine on a sphere of radius 6,371,008.8 m), in miles.
 */
export function distanceMiles(from: LonLat, to: LonLat): number {
	return distance(from, to, { units: 'miles' });
}
