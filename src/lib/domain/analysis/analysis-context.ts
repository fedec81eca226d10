import type KDBush from 'kdbush';
import type { NeedMasks } from './need-masks';
import type { PolygonIndex } from './polygon-index';
import type { AnalysisInput, ProviderRef } from './types';

/**
 * Everything `prepareAnalysis` computes once, as typed arrays indexed by child or provider, so later
 * queries (what-if while dragging, nearest vacancy, radius) only do the work that depends on them.
 * Treat it as immutable: queries never write to it.
 */
export interface AnalysisContext {
	readonly input: AnalysisInput;
	readonly thresholdMiles: number;
	readonly nearestRadiusMiles: number;
	readonly polygons: PolygonIndex;
	/** Every LA code seen (boundaries first, then children's and providers' LAs). */
	readonly laCodes: readonly string[];
	readonly laIndexByCode: ReadonlyMap<string, number>;
	/** RCC indexes per LA index. */
	readonly rccsOfLa: readonly (readonly number[])[];
	/** Member LA indexes per RCC index. */
	readonly rccMembers: readonly (readonly number[])[];
	readonly needs: NeedMasks;
	readonly children: ChildColumns;
	readonly providers: ProviderColumns;
	/** One index per provision kind, of providers with a vacancy; `ids[kdId]` is the provider index. */
	readonly vacancyIndexes: readonly (KDIndex | null)[];
	/** All homes and fostering points, vacancies or not (radius queries). */
	readonly providerIndex: KDIndex | null;
	/** Children's home locations (radius queries, lines); ids are child indexes. Built on first call. */
	readonly childIndex: () => KDIndex | null;
	/**
	 * What the what-if starts from: the maximum matching of far-placed children to vacancies within the
	 * threshold, and per-LA totals. Built on first call (the first what-if, or prepareWhatIf ahead of
	 * the first drag), so the analysis itself is not kept waiting for it.
	 */
	readonly whatIfBase: () => WhatIfBase;
}

export interface WhatIfBase {
	matching: VacancyMatching;
	/** Per LA index, LA_TOTAL_FIELDS numbers: children, with a placement location, over the threshold, matched. */
	laTotals: Float64Array;
}

export const LA_TOTAL_FIELDS = 4;

/** The graph and base assignment of `buildVacancyMatching` (vacancy-matching.ts says how it is found). */
export interface VacancyMatching {
	/** Child index per demand index. */
	demand: Int32Array;
	/** CSR adjacency: suitable providers within the threshold per demand index, nearest first. */
	adjStart: Int32Array;
	adjProvider: Int32Array;
	/** The reverse: demand indexes per provider. */
	providerStart: Int32Array;
	providerDemand: Int32Array;
	capacity: Int32Array;
	/** Each provider owns capacity[p] slots from slotStart[p]; the first load[p] hold demand indexes. */
	slotStart: Int32Array;
	base: MatchingState;
	/** Demand children's home locations; ids are demand indexes. */
	demandIndex: KDIndex | null;
}

export interface MatchingState {
	/** Provider per demand index, or -1. */
	assigned: Int32Array;
	slotOf: Int32Array;
	slots: Int32Array;
	load: Int32Array;
}

/** A kdbush tree; `ids`, `lon` and `lat` are by insertion order (what kdbush queries return). */
export interface KDIndex {
	tree: KDBush;
	ids: Int32Array;
	lon: Float64Array;
	lat: Float64Array;
}

export interface ChildColumns {
	count: number;
	laIndex: Int32Array;
	homeLon: Float64Array;
	homeLat: Float64Array;
	/** NaN where the placement location is unknown. */
	placementLon: Float64Array;
	placementLat: Float64Array;
	/** NaN where unknown. */
	miles: Float64Array;
	/** Index into DISTANCE_BANDS; -1 where unknown. */
	band: Int8Array;
	/** 1 inside, 0 outside, -1 unknown. */
	insideLa: Int8Array;
	/** 1 inside, 0 outside, -1 unknown or no RCC. */
	insideRcc: Int8Array;
	placementLa: Int32Array;
	/** Provision kind index; -1 when no provision fits (placement type `other`). */
	provision: Int8Array;
	age: Int16Array;
	/** `needs.words` words per child. */
	needMask: Uint32Array;
	/** RCC indexes per child (explicit `rccIds`, else from membership). */
	rccs: readonly (readonly number[])[];
	/** Nearest suitable vacancy within nearestRadiusMiles: provider index or -1, and miles. */
	nearestProvider: Int32Array;
	nearestMiles: Float64Array;
}

export interface ProviderColumns {
	count: number;
	refs: ProviderRef[];
	kind: Int8Array;
	laIndex: Int32Array;
	lon: Float64Array;
	lat: Float64Array;
	ageMin: Int16Array;
	ageMax: Int16Array;
	needMask: Uint32Array;
	/** 1 where the provider takes any needs (fostering without listed needs). */
	anyNeeds: Uint8Array;
	places: Int32Array;
	vacancies: Int32Array;
	byUrn: ReadonlyMap<string, number>;
}
