import { largestRemainder } from '../../domain/cohort';

/** Ofsted, Fostering in England 2023-24: approved households and places, and the share vacant. */
export const ENGLAND_FOSTERING = { households: 42_615, places: 70_465, vacantShare: 0.16 } as const;

export const FOSTERING_SOURCE =
	'Apportioned from Ofsted, Fostering in England 2023-24 (42,615 households, 70,465 places, 16% vacant) ' +
	'in proportion to the LA\u2019s children in foster care on 31 March 2025 (DfE)';

export interface FosteringCapacity {
	laCode: string;
	households: number;
	places: number;
	vacancies: number;
}

/**
 * Splits England's fostering households, places and vacancies over the LAs in proportion to each LA's
 * children in foster placements (largest remainder, so the national totals are exact). An LA whose
 * count is suppressed stands in with its children looked after times England's foster share.
 */
export function apportionFostering(
	las: readonly { code: string; fosterChildren: number | null; childrenLookedAfter: number | null }[]
): FosteringCapacity[] {
	const known = las.filter((la) => la.fosterChildren !== null && la.childrenLookedAfter !== null);
	const fosterShare =
		known.reduce((sum, la) => sum + la.fosterChildren!, 0) /
		Math.max(
			1,
			known.reduce((sum, la) => sum + la.childrenLookedAfter!, 0)
		);
	const weights = las.map((la) => la.fosterChildren ?? (la.childrenLookedAfter ?? 0) * fosterShare);
	const households = largestRemainder(weights, ENGLAND_FOSTERING.households);
	const places = largestRemainder(weights, ENGLAND_FOSTERING.places);
	const vacancies = largestRemainder(
		weights,
		Math.round(ENGLAND_FOSTERING.places * ENGLAND_FOSTERING.vacantShare)
	);
	return las.map((la, i) => ({
		laCode: la.code,
		households: households[i],
		places: places[i],
		vacancies: Math.min(vacancies[i], places[i])
	}));
}
