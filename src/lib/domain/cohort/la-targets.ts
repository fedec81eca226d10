import type { PlacementType } from '../types';
import { largestRemainder } from './largest-remainder';

/**
 * Where a placement is relative to the child's home LA and home: DfE's "locality of placement" cells
 * (inside or outside the LA boundary) crossed with its distance measure (20 miles or less, or over).
 */
export type LocationCategory = 'inside_near' | 'inside_far' | 'outside_near' | 'outside_far';

export const LOCATION_CATEGORIES: readonly LocationCategory[] = [
	'inside_near',
	'inside_far',
	'outside_near',
	'outside_far'
];

export const PLACEMENT_TYPES: readonly PlacementType[] = [
	'foster',
	'childrens_home',
	'secure',
	'residential_school',
	'supported',
	'other'
];

/** DfE 2025 figures for one LA (children looked after on 31 March); null where suppressed. */
export interface DfeFigures {
	childrenLookedAfter: number;
	outsideLa: number | null;
	over20Miles: number | null;
	outsideLaOver20Miles: number | null;
	foster: number | null;
	secureAndChildrensHomes: number | null;
	independentSupported: number | null;
	residentialSchools: number | null;
}

export interface LaTargets {
	total: number;
	types: Record<PlacementType, number>;
	categories: Record<LocationCategory, number>;
}

/** Shares of the four location cells used when an LA's own figures are suppressed. */
export type CategoryShares = Record<LocationCategory, number>;

/**
 * England, 31 March 2025: the LA rows of la_summary_2025.csv that publish all three counts (81,189
 * children), summed.
 */
export const ENGLAND_CATEGORY_SHARES: CategoryShares = {
	inside_near: 0.5143,
	inside_far: 0.0426,
	outside_near: 0.265,
	outside_far: 0.1781
};

/**
 * DfE places secure children's homes and children's homes in one group; secure homes hold about 2% of
 * the group nationally (Ofsted: 14 secure homes, 236 places, beside 3,946 children's homes).
 */
export const SECURE_SHARE_OF_HOMES = 0.02;

/** A suppressed placement-type count stands for 1 to 4 children: the generator uses this many. */
export const SUPPRESSED_TYPE_COUNT = 2;

/**
 * The counts the cohort of one LA must reproduce. Placement types: DfE's published counts, "other"
 * (placed with parents, for adoption, ...) taking what remains; a suppressed count becomes
 * SUPPRESSED_TYPE_COUNT while what remains allows. Locations: the four cells derived from the published
 * outside-LA, over-20-miles and outside-and-over-20 counts, split over the LA's total by largest
 * remainder; when any of them is suppressed, England's shares stand in.
 */
export function laTargets(
	figures: DfeFigures,
	fallback: CategoryShares = ENGLAND_CATEGORY_SHARES
): LaTargets {
	const total = figures.childrenLookedAfter;
	if (!Number.isInteger(total) || total < 0)
		throw new Error(`children looked after must be a count, not ${total}`);

	const published = [
		figures.foster,
		figures.secureAndChildrensHomes,
		figures.independentSupported,
		figures.residentialSchools
	];
	let left = total;
	const counts = published.map((count) => {
		if (count === null) return null;
		const taken = Math.min(count, left);
		left -= taken;
		return taken;
	});
	const filled = counts.map((count) => {
		if (count !== null) return count;
		const taken = Math.min(SUPPRESSED_TYPE_COUNT, left);
		left -= taken;
		return taken;
	});
	const [foster, homesGroup, supported, residentialSchools] = filled;
	const secure = Math.round(homesGroup * SECURE_SHARE_OF_HOMES);
	const types: Record<PlacementType, number> = {
		foster,
		childrens_home: homesGroup - secure,
		secure,
		residential_school: residentialSchools,
		supported,
		other: left
	};

	const { outsideLa, over20Miles, outsideLaOver20Miles } = figures;
	let weights: number[];
	if (outsideLa !== null && over20Miles !== null && outsideLaOver20Miles !== null) {
		const outsideFar = Math.min(outsideLaOver20Miles, outsideLa, over20Miles);
		const insideFar = Math.max(0, over20Miles - outsideFar);
		const outsideNear = Math.max(0, outsideLa - outsideFar);
		const insideNear = Math.max(0, total - outsideLa - insideFar);
		weights = [insideNear, insideFar, outsideNear, outsideFar];
	} else {
		weights = LOCATION_CATEGORIES.map((category) => fallback[category]);
	}
	const split = weights.some((w) => w > 0) ? largestRemainder(weights, total) : [total, 0, 0, 0];
	const categories = Object.fromEntries(LOCATION_CATEGORIES.map((c, i) => [c, split[i]])) as Record<
		LocationCategory,
		number
	>;
	return { total, types, categories };
}
