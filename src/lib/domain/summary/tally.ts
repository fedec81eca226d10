import { distanceMiles, FAR_FROM_HOME_MILES } from '../distance';
import type { LonLat } from '../types';

export interface ChildPlacement {
	laCode: string;
	home: LonLat;
	/** Null when where the child lives is not known. */
	placement: LonLat | null;
	placementLaCode: string | null;
}

export interface HomeCapacity {
	laCode: string;
	places: number;
	vacancies: number;
}

export interface FosteringCapacity {
	laCode: string;
	places: number;
}

/** What the data holds for one LA (or a region): counts only, no shares yet. */
export interface Tally {
	children: number;
	outsideLa: number;
	over20Miles: number;
	homes: number;
	places: number;
	vacancies: number;
	/** Null when no fostering capacity is recorded for the LA. */
	fosteringPlaces: number | null;
}

export function emptyTally(): Tally {
	return {
		children: 0,
		outsideLa: 0,
		over20Miles: 0,
		homes: 0,
		places: 0,
		vacancies: 0,
		fosteringPlaces: null
	};
}

/**
 * A child counts as placed outside their LA when the placement's LA is known and differs, and as over
 * 20 miles when the straight line from home to placement is longer than 20 miles (the DfE measures);
 * a child whose placement is not known counts in neither, but still counts as looked after.
 */
export function tallyByLa(
	laCodes: readonly string[],
	rows: {
		children: Iterable<ChildPlacement>;
		homes: Iterable<HomeCapacity>;
		fostering: Iterable<FosteringCapacity>;
	}
): Map<string, Tally> {
	const tallies = new Map(laCodes.map((code) => [code, emptyTally()]));
	for (const child of rows.children) {
		const tally = tallies.get(child.laCode);
		if (!tally) continue;
		tally.children += 1;
		if (child.placementLaCode !== null && child.placementLaCode !== child.laCode) tally.outsideLa += 1;
		if (child.placement && distanceMiles(child.home, child.placement) > FAR_FROM_HOME_MILES)
			tally.over20Miles += 1;
	}
	for (const home of rows.homes) {
		const tally = tallies.get(home.laCode);
		if (!tally) continue;
		tally.homes += 1;
		tally.places += home.places;
		tally.vacancies += home.vacancies;
	}
	for (const row of rows.fostering) {
		const tally = tallies.get(row.laCode);
		if (tally) tally.fosteringPlaces = (tally.fosteringPlaces ?? 0) + row.places;
	}
	return tallies;
}
