import { FAR_FROM_HOME_MILES } from '../distance';
import type { Random } from './random';

/**
 * Placements within 20 miles of home are drawn at a distance from a smooth, falling distribution (an
 * exponential cut at 20 miles), then matched to the nearest place a child could live there; choosing
 * among the nearest places instead bunched children within a few miles in dense cities and left 10-20
 * miles nearly empty. Placements further away fall off from 20 miles with a mean of FAR_MEAN_MILES more.
 * Each LA's near mean is chosen so that the two meet at 20 miles with the same density (children per
 * mile), so an LA's distances have no step at the 20-mile line whatever DfE's share over 20 miles is.
 */
export const FAR_MEAN_MILES = 25;
export const NEAR_MEAN_RANGE = [2, 80] as const;

/** Children per mile at 20 miles of `count` children spread as the near exponential of this mean. */
function nearDensityAt20(count: number, mean: number): number {
	const cut = FAR_FROM_HOME_MILES - 0.5;
	return (count * Math.exp(-cut / mean)) / mean / (1 - Math.exp(-cut / mean));
}

/** The near mean that meets the far tail at 20 miles (bisection; the density grows with the mean). */
export function nearMeanMiles(near: number, far: number): number {
	let [low, high]: number[] = [...NEAR_MEAN_RANGE];
	if (near <= 0) return low;
	const wanted = far / FAR_MEAN_MILES;
	if (nearDensityAt20(near, low) >= wanted) return low;
	if (nearDensityAt20(near, high) <= wanted) return high;
	for (let i = 0; i < 40; i++) {
		const mid = (low + high) / 2;
		if (nearDensityAt20(near, mid) < wanted) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}

/** A distance within 20 miles from the near distribution: exponential of this mean, cut at 19.5 miles. */
export function nearMiles(random: Random, mean: number): number {
	const cut = FAR_FROM_HOME_MILES - 0.5;
	return -mean * Math.log(1 - random.next() * (1 - Math.exp(-cut / mean)));
}
