import { createRandom } from '../cohort/random';

export interface BandOptions {
	/** Years ahead, 1 or more. */
	horizon: number;
	/** Simulated paths. */
	draws?: number;
	/** Central coverage of the band, e.g. 0.8 for the 10th to 90th percentile. */
	level?: number;
	/** Seed of the draws: the same inputs give the same band on every machine. */
	seed: string;
}

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_LEVEL = 0.8;

/**
 * A prediction interval by residual bootstrap: `draws` paths from `start`, each year the method's step
 * times (1 + a residual drawn with replacement from `pool`), so the band widens with the horizon as the
 * errors compound. Returns, for each year ahead, the band's lower and upper quantiles (never below 0).
 * With an empty pool the band is the point forecast itself.
 */
export function bootstrapBand(
	start: number,
	step: (lookedAfter: number) => number,
	pool: readonly number[],
	options: BandOptions
): { lower: number; upper: number }[] {
	const draws = options.draws ?? DEFAULT_DRAWS;
	const level = options.level ?? DEFAULT_LEVEL;
	const random = createRandom(options.seed);
	const paths: number[][] = Array.from({ length: options.horizon }, () => new Array<number>(draws));
	for (let d = 0; d < draws; d++) {
		let value = start;
		for (let h = 0; h < options.horizon; h++) {
			const residual = pool.length > 0 ? pool[random.integer(0, pool.length - 1)] : 0;
			value = Math.max(0, step(value) * (1 + residual));
			paths[h][d] = value;
		}
	}
	const tail = (1 - level) / 2;
	return paths.map((values) => {
		values.sort((a, b) => a - b);
		return { lower: quantile(values, tail), upper: quantile(values, 1 - tail) };
	});
}

/** The p-quantile of sorted values, interpolating between order statistics (R's type 7). */
export function quantile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const position = (sorted.length - 1) * p;
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
