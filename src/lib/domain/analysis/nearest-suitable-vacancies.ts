import type { AnalysisContext } from './analysis-context';
import { findVacancies } from './find-vacancies';
import {
	FOSTERING_KIND_INDEX,
	PROVISION_KINDS,
	provisionIndexFor,
	provisionKindIndex
} from './provision-kinds';
import type { LonLat, PlacementType } from '../types';
import type { ProvisionKind, VacancyMatch } from './types';

/** A child of the prepared input (by id), or a need described directly (a referral not yet placed). */
export type VacancySeeker =
	| { childId: string }
	| {
			location: LonLat;
			/** What is needed: a placement type (mapped to provision) or a provision kind. */
			placementType?: PlacementType;
			kind?: ProvisionKind;
			age: number;
			needs: string[];
	  };

export interface NearestOptions {
	/** How many to return (default 5). */
	k?: number;
	/** Search radius (default 20 miles). */
	radiusMiles?: number;
}

/**
 * The k nearest homes or fostering capacity with a vacancy that suit the seeker (provision kind, age
 * within range, needs a subset of the provider's), within R miles, nearest first.
 */
export function nearestSuitableVacancies(
	context: AnalysisContext,
	seeker: VacancySeeker,
	options: NearestOptions = {}
): VacancyMatch[] {
	const { children, providers, needs } = context;
	let kind: number;
	let query;
	if ('childId' in seeker) {
		const c = context.input.children.findIndex((child) => child.id === seeker.childId);
		if (c < 0) throw new Error(`No child with id ${seeker.childId} in the prepared input`);
		kind = children.provision[c];
		query = {
			lon: children.homeLon[c],
			lat: children.homeLat[c],
			age: children.age[c],
			needMask: children.needMask,
			needOffset: c * needs.words,
			needWords: needs.words
		};
	} else {
		kind = seeker.kind
			? provisionKindIndex(seeker.kind)
			: seeker.placementType
				? provisionIndexFor(seeker.placementType)
				: -1;
		if (kind < 0 && !seeker.kind && !seeker.placementType) {
			throw new Error('A vacancy seeker needs a placementType or a kind');
		}
		const needMask = new Uint32Array(needs.words);
		// A need outside the vocabulary has no bit, and no home lists it: only carers taking any needs fit.
		if (kind !== FOSTERING_KIND_INDEX && seeker.needs.some((need) => !needs.bits.has(need))) return [];
		needs.write(seeker.needs, needMask, 0);
		query = {
			lon: seeker.location[0],
			lat: seeker.location[1],
			age: seeker.age,
			needMask,
			needOffset: 0,
			needWords: needs.words
		};
	}
	if (kind < 0) return [];
	const found = findVacancies(
		context.vacancyIndexes[kind],
		providers,
		query,
		options.k ?? 5,
		options.radiusMiles ?? context.thresholdMiles
	);
	return found.providers.map((p, i) => ({
		provider: providers.refs[p],
		kind: PROVISION_KINDS[providers.kind[p]],
		laCode: context.laCodes[providers.laIndex[p]],
		location: [providers.lon[p], providers.lat[p]],
		vacancies: providers.vacancies[p],
		miles: found.miles[i]
	}));
}
