/** The generator's input and output (generate-cohort.ts), owned here so that its parts import one way. */
import type { Need } from '../needs';
import type { HomeKind, LonLat, PlacementType } from '../types';
import type { Sex } from './child-profile';
import type { LaLocator } from './la-locator';
import type { CategoryShares, DfeFigures, LaTargets } from './la-targets';

/** A population-weighted small-area centroid (LSOA or MSOA), with its deprivation decile if known. */
export interface SmallArea {
	code: string;
	laCode: string;
	point: LonLat;
	/** IMD 2025 decile, 1 = most deprived 10%. */
	imdDecile: number | null;
}

export interface CohortHome {
	urn: string;
	kind: HomeKind;
	point: LonLat;
	places: number;
	ageMin: number;
	ageMax: number;
	needs: readonly Need[];
}

export interface CohortInput {
	seed: string;
	/** The LAs to generate children for, with their DfE 2025 figures. */
	las: readonly { code: string; name?: string; figures: DfeFigures }[];
	locator: LaLocator;
	/** Where children live: small areas of (at least) those LAs, with deprivation. */
	homeAreas: readonly SmallArea[];
	/** Where foster carers and other non-home placements are: small areas of all England. */
	carerAreas: readonly SmallArea[];
	/** Every home children may be placed in, with its places. */
	homes: readonly CohortHome[];
	fallbackShares?: CategoryShares;
	/** Told what is being done, a line at a time (for the seed's progress output). */
	progress?: (message: string) => void;
}

export interface SyntheticChild {
	id: string;
	laCode: string;
	sex: Sex;
	age: number;
	placementType: PlacementType;
	needs: Need[];
	/** The small area the home location was drawn around (LSOA code). */
	homeArea: string;
	home: LonLat;
	placement: LonLat;
	placementLaCode: string;
	placementUrn: string | null;
	miles: number;
	outsideLa: boolean;
	over20Miles: boolean;
}

export interface Cohort {
	children: SyntheticChild[];
	/** Children placed in each home, by URN. */
	occupancy: Map<string, number>;
	targets: Map<string, LaTargets>;
	/** Departures from the targets the geometry forced, one line each (empty when none). */
	adjustments: string[];
}
