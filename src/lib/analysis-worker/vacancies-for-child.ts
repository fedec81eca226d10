import {
	nearestSuitableVacancies,
	type AnalysisContext,
	type NearestOptions,
	type VacancyMatch
} from '$lib/domain/analysis';
import type { LonLat, PlacementType } from '$lib/domain/types';

/** What the search starts from: one child of the prepared input (child-level, own LA only). */
export interface SeekingChild {
	id: string;
	laCode: string;
	/** Generalised home location (small-area centroid). */
	home: LonLat;
	placement: LonLat | null;
	miles: number | null;
	placementType: PlacementType;
	age: number;
	needs: string[];
}

/** A suitable vacancy, with what makes it suitable (so the page can say why). */
export interface VacancyCandidate extends VacancyMatch {
	/** Fostering: the LA's name; homes: null (Ofsted redacts children's homes' names). */
	label: string | null;
	places: number;
	ageMin: number;
	ageMax: number;
	/** What the provider is registered for; null when it takes any needs (foster carers listing none). */
	needs: string[] | null;
}

export interface VacanciesForChild {
	child: SeekingChild;
	radiusMiles: number;
	candidates: VacancyCandidate[];
}

/**
 * The nearest suitable vacancies for one child (nearestSuitableVacancies from the child's home), with
 * the child and each provider's registration beside them: everything the panel shows and draws.
 */
export function vacanciesForChild(
	context: AnalysisContext,
	childId: string,
	options: NearestOptions = {}
): VacanciesForChild {
	const c = context.input.children.findIndex((child) => child.id === childId);
	if (c < 0) throw new Error(`No child with id ${childId} in the prepared input`);
	const input = context.input.children[c];
	const miles = context.children.miles[c];
	const matches = nearestSuitableVacancies(context, { childId }, options);
	return {
		child: {
			id: input.id,
			laCode: input.laCode,
			home: input.home,
			placement: input.placement,
			miles: Number.isNaN(miles) ? null : miles,
			placementType: input.placementType,
			age: input.age,
			needs: input.needs
		},
		radiusMiles: options.radiusMiles ?? context.thresholdMiles,
		candidates: matches.map((match) => ({ ...match, ...registration(context, match) }))
	};
}

function registration(
	context: AnalysisContext,
	match: VacancyMatch
): Pick<VacancyCandidate, 'label' | 'places' | 'ageMin' | 'ageMax' | 'needs'> {
	const { provider } = match;
	const { homes, fostering } = context.input;
	// Provider columns hold the homes first, then the fostering rows (prepare-analysis.ts).
	const p =
		provider.type === 'home'
			? context.providers.byUrn.get(provider.urn)!
			: homes.length + fostering.findIndex((row) => row.laCode === provider.laCode);
	const ages = { ageMin: context.providers.ageMin[p], ageMax: context.providers.ageMax[p] };
	if (provider.type === 'home')
		return { label: null, places: homes[p].places, ...ages, needs: homes[p].needs };
	const carers = fostering[p - homes.length];
	return { label: carers.label ?? null, places: carers.places, ...ages, needs: carers.needs ?? null };
}
