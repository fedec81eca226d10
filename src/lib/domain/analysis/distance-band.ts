import type { DistanceBand } from './types';

/** DfE reports placements "more than 20 miles from home"; the threshold is exclusive. */
export const OVER_MILES = 20;

/** Bands in increasing distance; each upper bound is inclusive (a child at exactly 5 miles is 0-5). */
export const DISTANCE_BANDS: readonly DistanceBand[] = ['0-5', '5-10', '10-20', '20-50', 'over 50'];

/** Index into DISTANCE_BANDS, so hot loops can count into typed arrays. */
export function distanceBandIndex(miles: number): number {
	if (miles <= 5) return 0;
	if (miles <= 10) return 1;
	if (miles <= 20) return 2;
	if (miles <= 50) return 3;
	return 4;
}

export function distanceBand(miles: number): DistanceBand {
	return DISTANCE_BANDS[distanceBandIndex(miles)];
}
