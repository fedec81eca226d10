/**
 * Shapes shared by the server, the map and the analysis. Distances are in miles (the DfE measure:
 * straight line between home and placement); coordinates are WGS84 [longitude, latitude].
 */

export type LonLat = [lon: number, lat: number];

/** Where a child lives now, grouped as DfE groups placement types. */
export type PlacementType =
	'foster' | 'childrens_home' | 'secure' | 'residential_school' | 'supported' | 'other';

export type HomeKind = 'childrens_home' | 'secure' | 'residential_school' | 'supported';

export type Sector = 'Private' | 'Local Authority' | 'Voluntary' | 'Health Authority';

/** `id` of the whole-country view, listed beside the RCCs. */
export const ENGLAND_ID = 'england';

export interface RccListing {
	id: string;
	name: string;
	isDemo: boolean;
	laCount: number;
	headline: {
		childrenLookedAfter: number | null;
		percentOver20Miles: number | null;
		homes: number;
		places: number;
		/**
		 * DfE's published figures for the same area, shown (labelled) where ours is unknown (England: the
		 * records cover some LAs only) or withheld. Published statistics are public: nothing is revealed.
		 */
		published: { childrenLookedAfter: number | null; percentOver20Miles: number | null };
	};
}

/** A figure computed from the data beside the one DfE or Ofsted published; null where none exists. */
export interface Compared {
	computed: number | null;
	published: number | null;
	/** True when the computed value is withheld by small-number suppression. */
	suppressed?: boolean;
}

export interface AreaSummary {
	code: string;
	name: string;
	childrenLookedAfter: Compared;
	percentOutsideLa: Compared;
	percentOver20Miles: Compared;
	homes: Compared;
	places: Compared;
	vacancies: Compared;
	fosteringPlaces: Compared;
}

export interface RccSummary {
	rcc: { id: string; name: string; isDemo: boolean };
	las: AreaSummary[];
	region: AreaSummary;
	sources: string[];
}

/** What a signed-in person may do in one RCC (DESIGN.md "Privacy and access"). */
export type Role = 'viewer' | 'commissioner' | 'rcc_admin';

export interface RoleGrant {
	rccId: string;
	rccName: string;
	role: Role;
	/** The member LA a commissioner acts for (their child-level records); null for other roles. */
	laCode: string | null;
	laName: string | null;
}

/** The signed-in person, as `GET /api/me` returns them and as `locals.user` holds them. */
export interface CurrentUser {
	id: number;
	email: string;
	name: string;
	la: { code: string; name: string } | null;
	roles: RoleGrant[];
}
