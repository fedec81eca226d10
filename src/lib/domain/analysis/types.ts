/**
 * Shapes of the analysis engine: plain data in, plain data out, so the same code runs on the server and
 * in a Web Worker (everything here survives structured cloning). Distances are in miles, coordinates
 * WGS84 [longitude, latitude].
 */
import type { HomeKind, LonLat, PlacementType } from '../types';

export interface AnalysisChild {
	id: string;
	/** ONS code of the LA that looks after the child (their home LA). */
	laCode: string;
	/** RCCs the child's LA belongs to; derived from `rccs` membership when absent. */
	rccIds?: string[];
	/** Generalised home location (small-area centroid, never an address). */
	home: LonLat;
	/** Placement location; null when not known. */
	placement: LonLat | null;
	placementType: PlacementType;
	/** Age in whole years. */
	age: number;
	/** Needs the placement must be registered and staffed for. */
	needs: string[];
}

export interface AnalysisHome {
	/** Ofsted URN. */
	urn: string;
	laCode: string;
	kind: HomeKind;
	location: LonLat;
	places: number;
	vacancies: number;
	ageMin: number;
	ageMax: number;
	needs: string[];
}

/** Fostering places of one LA, drawn at one point (the LA's label point). */
export interface FosteringCapacity {
	laCode: string;
	places: number;
	vacancies: number;
	location: LonLat;
	label?: string;
	/** Needs the LA's carers are approved for; absent means any needs. */
	needs?: string[];
}

export type PolygonCoordinates = LonLat[][];

export type LaGeometry =
	| { type: 'Polygon'; coordinates: PolygonCoordinates }
	| { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

export interface LaBoundary {
	code: string;
	name?: string;
	geometry: LaGeometry;
}

export interface RccMembership {
	id: string;
	name?: string;
	laCodes: string[];
}

export interface AnalysisInput {
	children: AnalysisChild[];
	homes: AnalysisHome[];
	fostering: FosteringCapacity[];
	boundaries: LaBoundary[];
	rccs: RccMembership[];
}

/** Where a child could live: a kind of home, or a foster family. */
export type ProvisionKind = HomeKind | 'fostering';

export type DistanceBand = '0-5' | '5-10' | '10-20' | '20-50' | 'over 50';

/** One child's result. `null` where the placement location is unknown. */
export interface ChildAnalysis {
	id: string;
	laCode: string;
	miles: number | null;
	band: DistanceBand | null;
	over20Miles: boolean | null;
	insideLa: boolean | null;
	/** Null also when the child's LA is in no RCC. */
	insideRcc: boolean | null;
	/** Where the placement lies (null outside every LA given, e.g. Wales, or unknown). */
	placementLaCode: string | null;
	nearestVacancy: { provider: ProviderRef; miles: number } | null;
}

export type ProviderRef = { type: 'home'; urn: string } | { type: 'fostering'; laCode: string };

export interface VacancyMatch {
	provider: ProviderRef;
	kind: ProvisionKind;
	laCode: string;
	location: LonLat;
	vacancies: number;
	miles: number;
}

/** Counts for one area (LA, RCC or England); percentages are of children with a known placement location. */
export interface DistanceSummary {
	code: string;
	children: number | null;
	withPlacementLocation: number | null;
	over20Miles: number | null;
	outsideLa: number | null;
	/** Only for children whose LA is in an RCC. */
	outsideRcc: number | null;
	bands: Record<DistanceBand, number | null>;
	percentOver20Miles: number | null;
	percentOutsideLa: number | null;
	percentOutsideRcc: number | null;
}

export interface DistanceSummaries {
	las: DistanceSummary[];
	rccs: DistanceSummary[];
	england: DistanceSummary;
}

/** True when a count must be withheld (DESIGN.md: 1 to 4 once it leaves the owning LA). */
export type SuppressCount = (count: number) => boolean;

export type Proposal =
	| {
			action: 'add';
			id: string;
			kind: ProvisionKind;
			location: LonLat;
			places: number;
			ageMin?: number;
			ageMax?: number;
			needs?: string[];
			laCode?: string;
	  }
	| { action: 'move'; urn: string; location: LonLat }
	| { action: 'remove'; urn: string };

export interface WhatIfArea {
	code: string;
	children: number;
	withPlacementLocation: number;
	over20Miles: number;
	/** Children over 20 miles who could be matched to a vacancy within 20 miles without the proposals. */
	couldLiveWithin20Before: number;
	/** The same with the proposals applied. */
	couldLiveWithin20After: number;
	/** After minus before: what the proposals add. */
	gained: number;
	percentOver20MilesNow: number | null;
	percentOver20MilesBefore: number | null;
	percentOver20MilesAfter: number | null;
}

export interface WhatIfResult {
	las: WhatIfArea[];
	region: WhatIfArea;
	/** Children matched to each proposal (by proposal id or URN). */
	byProposal: { id: string; children: number; places: number }[];
	milliseconds: number;
}
