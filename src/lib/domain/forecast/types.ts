/**
 * The DfE children-looked-after series a forecast is fitted to: per area (LA or region) and year (the
 * year ending 31 March), children looked after on 31 March and the flows during the year, with the
 * 31 March count by placement type and age band. Null where DfE withheld (`c`) or did not publish.
 */

/** DfE's placement groups on 31 March ("Placement" in the characteristics table). */
export const PLACEMENT_GROUPS = [
	'foster',
	'childrens_homes',
	'supported',
	'residential_schools',
	'other_residential',
	'with_parents',
	'adoption',
	'other'
] as const;
export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number];

export const PLACEMENT_GROUP_LABELS: Record<PlacementGroup, string> = {
	foster: 'Foster placements',
	childrens_homes: "Secure homes and children's homes",
	supported: 'Independent and semi-independent living / supported accommodation',
	residential_schools: 'Residential schools',
	other_residential: 'Other residential settings',
	with_parents: 'Placed with parents or others with parental responsibility',
	adoption: 'Placed for adoption',
	other: 'Other placements'
};

/** DfE's age groups on 31 March. */
export const AGE_BANDS = ['under_1', '1_to_4', '5_to_9', '10_to_15', '16_and_over'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
	under_1: 'Under 1',
	'1_to_4': '1 to 4',
	'5_to_9': '5 to 9',
	'10_to_15': '10 to 15',
	'16_and_over': '16 and over'
};

export interface YearFigures {
	/** The year ending 31 March, e.g. 2025 for 2024-25. */
	year: number;
	/** Children looked after on 31 March. */
	lookedAfter: number | null;
	/** Children starting to be looked after during the year. */
	starts: number | null;
	/** Children ceasing to be looked after during the year. */
	ceased: number | null;
	byPlacement: Record<PlacementGroup, number | null>;
	byAge: Record<AgeBand, number | null>;
}

export interface AreaSeries {
	code: string;
	name: string;
	/** Ascending by year, one entry per year. */
	years: YearFigures[];
}

/** An empty breakdown, every group unknown. */
export function unknownBreakdown<Key extends string>(keys: readonly Key[]): Record<Key, number | null> {
	return Object.fromEntries(keys.map((key) => [key, null])) as Record<Key, number | null>;
}
