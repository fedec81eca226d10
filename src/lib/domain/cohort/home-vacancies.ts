import { createRandom } from './random';

/**
 * Each place of a home is vacant with this probability before the cohort moves in: Ofsted and the
 * sector report 10-20% of children's home places empty on a given day.
 */
export const VACANT_PLACE_SHARE = 0.15;

/**
 * Vacancies of each home: places, minus the cohort's children placed there, minus a deterministic
 * background occupancy (children of LAs outside the demo). The background fills each place except for a
 * random VACANT_PLACE_SHARE of them, so vacancies are realistic; never below zero.
 */
export function homeVacancies(
	homes: readonly { urn: string; places: number }[],
	occupancy: ReadonlyMap<string, number>,
	seed: string
): Map<string, number> {
	const vacancies = new Map<string, number>();
	for (const home of homes) {
		const random = createRandom(`${seed}/vacancies/${home.urn}`);
		let vacant = 0;
		for (let place = 0; place < home.places; place++) if (random.chance(VACANT_PLACE_SHARE)) vacant += 1;
		const cohort = occupancy.get(home.urn) ?? 0;
		vacancies.set(home.urn, Math.max(0, Math.min(vacant, home.places - cohort)));
	}
	return vacancies;
}
