/**
 * Properties of the GeoJSON the map API serves (the contract in DESIGN.md and the API brief).
 * Every feature also carries an integer `id`, which MapLibre uses for feature-state.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon, LineString } from 'geojson';
import type { HomeKind, PlacementType, Sector } from '$lib/domain/types';

export interface RegionProperties {
	code: string;
	name: string;
}

export interface BoundaryProperties {
	code: string;
	name: string;
	member: boolean;
	regionName: string;
	population0to17: number | null;
	/** Member LAs only; null for the context LAs drawn around the region. */
	childrenLookedAfter: number | null;
	fosteringHouseholds: number | null;
	fosteringPlaces: number | null;
	fosteringVacancies: number | null;
	/** Per 10,000 children aged 0-17. */
	fosteringPlacesPer10k: number | null;
	fosteringVacanciesPer10k: number | null;
	/** Set on the client where homes are drawn per LA instead of as points (with-home-places.ts). */
	homes?: number | null;
	homePlaces?: number | null;
	labelLon: number;
	labelLat: number;
}

export interface HomeProperties {
	urn: string;
	laCode: string;
	laName: string;
	provisionType: string;
	kind: HomeKind;
	sector: Sector | string;
	places: number;
	vacancies: number | null;
	owner: string | null;
	gradeOverall: string | null;
	inspectionDate: string | null;
	/** Always true: Ofsted redacts addresses, so homes are placed inside their LA. */
	approximate: boolean;
}

export interface HotspotProperties {
	h3: string;
	children: number;
	/** Null when between 1 and 4 (small-number suppression). */
	over20Miles: number | null;
}

export interface PlacementProperties {
	childId: string;
	laCode: string;
	placementType: PlacementType;
	placementLaCode: string | null;
	urn: string | null;
	miles: number;
	outsideLa: boolean;
	over20Miles: boolean;
}

export type Regions = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;
export type Boundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
export type Homes = FeatureCollection<Point, HomeProperties>;
export type Hotspots = FeatureCollection<Polygon, HotspotProperties>;
export type Placements = FeatureCollection<LineString, PlacementProperties>;

/** Everything the map of one RCC draws. */
export interface MapData {
	regions: Regions;
	boundaries: Boundaries;
	homes: Homes;
	hotspots: Hotspots;
	placements: Placements;
}
