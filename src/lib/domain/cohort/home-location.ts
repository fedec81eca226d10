import type { LonLat } from '../types';
import { jitter } from './jitter';
import type { LaLocator } from './la-locator';
import type { Random } from './random';

/** Ofsted redacts children's homes' addresses: a home is drawn about this far from an area centroid. */
export const HOME_JITTER_METRES = 600;

/**
 * An approximate location for a home whose address is redacted: a population-weighted small-area
 * centroid of its LA, chosen at random, jittered, and checked to lie inside the LA's polygon. Falls
 * back to `labelPoint` (a point known to be inside) for an LA without a usable centroid.
 */
export function homeLocation(options: {
	laCode: string;
	centroids: readonly LonLat[];
	labelPoint: LonLat;
	locator: LaLocator;
	random: Random;
}): LonLat {
	const { laCode, centroids, labelPoint, locator, random } = options;
	for (let attempt = 0; attempt < 30 && centroids.length > 0; attempt++) {
		const centroid = random.pick(centroids);
		const metres = attempt < 20 ? HOME_JITTER_METRES : HOME_JITTER_METRES / 4;
		const point = jitter(centroid, metres, random);
		if (locator.contains(laCode, point)) return point;
	}
	return labelPoint;
}
