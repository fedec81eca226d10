/**
 * The small-number rule itself (DESIGN.md "Privacy and access"): a count of children between 1 and 4 that
 * leaves the owning LA is withheld. Zero is not: it identifies nobody. Kept apart from the functions that
 * apply it so that each of them can import it without importing the others.
 */

/** The largest count withheld; counts 1..SMALL_COUNT_MAX are suppressed. */
export const SMALL_COUNT_MAX = 4;

/** What the UI shows in place of a suppressed count. */
export const SUPPRESSED_LABEL = '<5';

export interface Withheld {
	/** The figure, or null when it is withheld (or unknown: then `suppressed` is false). */
	value: number | null;
	suppressed: boolean;
}

/** 1..4, and for a figure that may be negative (a difference) -4..-1: it counts one to four children. */
export function isSmallCount(count: number): boolean {
	return Math.abs(count) >= 1 && Math.abs(count) <= SMALL_COUNT_MAX;
}
