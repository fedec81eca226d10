import type KDBush from 'kdbush';
import { distanceMiles, FAR_FROM_HOME_MILES } from '../distance';
import type { Need } from '../needs';
import type { LonLat, PlacementType } from '../types';
import type { Sex } from './child-profile';
import type { CohortHome, SmallArea, SyntheticChild } from './cohort-types';
import type { LocationCategory } from './la-targets';
import type { Random } from './random';

/** Placement types lived in a home (an Ofsted-registered setting), the rest with carers or elsewhere. */
export const HOME_KINDS: ReadonlySet<PlacementType> = new Set([
	'childrens_home',
	'secure',
	'residential_school'
]);

/** One child to be generated: profile and location cell first, then where they are placed. */
export interface Slot {
	la: string;
	type: PlacementType;
	category: LocationCategory;
	random: Random;
	age: number;
	sex: Sex;
	needs: Need[];
	placed: Omit<SyntheticChild, 'id' | 'laCode' | 'sex' | 'age' | 'placementType' | 'needs'> | null;
}

/** What placing an LA's children needs to know of the LA. */
export interface LaContext {
	code: string;
	areas: SmallArea[];
	weights: number[];
	index: KDBush;
	/** Indexes into `areas` from which the cell can be reached; absent = all. */
	feasible: Partial<Record<LocationCategory, number[]>>;
	/** The mean of this LA's near distances (nearMeanMiles). */
	nearMean: number;
}

export function placement(
	area: SmallArea,
	home: LonLat,
	at: LonLat,
	atLa: string,
	urn: string | null,
	la: string
) {
	const miles = distanceMiles(home, at);
	return {
		homeArea: area.code,
		home,
		placement: at,
		placementLaCode: atLa,
		placementUrn: urn,
		miles,
		outsideLa: atLa !== la,
		over20Miles: miles > FAR_FROM_HOME_MILES
	};
}

/** Whether a home takes the child: their age, and their first need when they have one. */
export function suits(home: CohortHome, slot: Slot): boolean {
	if (slot.age < home.ageMin || slot.age > home.ageMax) return false;
	return slot.needs.length === 0 || home.needs.includes(slot.needs[0]);
}
