import type { AreaSummary } from '$lib/domain/types';
import type { BoundaryProperties, HomeProperties } from '$lib/map/feature-properties';

/** What the details panel shows: an LA (with its summary when it is a member) or a home. */
export type Details =
	| { kind: 'la'; la: BoundaryProperties; summary: AreaSummary | null }
	| { kind: 'home'; home: HomeProperties };
