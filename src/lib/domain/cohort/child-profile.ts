import type { Need } from '../needs';
import type { PlacementType } from '../types';
import type { Random } from './random';

export type Sex = 'male' | 'female';

export interface ChildProfile {
	age: number;
	sex: Sex;
	needs: Need[];
}

/**
 * Relative weights of ages 0..17 by placement type, shaped on DfE's national age groups for 2025
 * (under 1: 5%, 1-4: 13%, 5-9: 17%, 10-15: 38%, 16+: 27%): residential care is mostly teenagers,
 * supported accommodation is for 16 and 17 year olds, "other" (placed with parents, for adoption) young.
 */
const AGE_WEIGHTS: Record<PlacementType, number[]> = {
	foster: [4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 4, 3],
	childrens_home: [0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.3, 0.6, 1, 2, 3, 4, 5, 5, 4],
	secure: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 3],
	residential_school: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3, 3, 2],
	supported: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 6],
	other: [6, 7, 6, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2]
};

/** Share of boys by placement type (56% of all looked-after children are boys; most UASC are boys). */
const MALE_SHARE: Record<PlacementType, number> = {
	foster: 0.53,
	childrens_home: 0.62,
	secure: 0.7,
	residential_school: 0.72,
	supported: 0.78,
	other: 0.5
};

/** Probability of having any recorded need, then the weights of the primary one. */
const NEED_CHANCE: Record<PlacementType, number> = {
	foster: 0.3,
	childrens_home: 1,
	secure: 1,
	residential_school: 1,
	supported: 0.35,
	other: 0.15
};

const PRIMARY_NEED_WEIGHTS: Record<PlacementType, Record<Need, number>> = {
	foster: w(50, 25, 10, 10, 5, 0),
	childrens_home: w(72, 10, 1.5, 12, 1.5, 3),
	secure: w(55, 0, 0, 30, 0, 15),
	residential_school: w(30, 55, 8, 0, 7, 0),
	supported: w(40, 10, 0, 30, 0, 20),
	other: w(40, 30, 20, 5, 5, 0)
};

function w(
	emotional_behavioural: number,
	learning_disability: number,
	physical_disability: number,
	mental_health: number,
	sensory_impairment: number,
	drug_alcohol: number
): Record<Need, number> {
	return {
		emotional_behavioural,
		learning_disability,
		physical_disability,
		mental_health,
		sensory_impairment,
		drug_alcohol
	};
}

/** Age, sex and needs of a synthetic child (the first need is the primary one). */
export function childProfile(type: PlacementType, random: Random): ChildProfile {
	const age = random.weightedIndex(AGE_WEIGHTS[type]);
	const sex: Sex = random.chance(MALE_SHARE[type]) ? 'male' : 'female';
	const needs: Need[] = [];
	if (random.chance(NEED_CHANCE[type])) {
		const weights = PRIMARY_NEED_WEIGHTS[type];
		const names = Object.keys(weights) as Need[];
		const primary = names[random.weightedIndex(names.map((name) => weights[name]))];
		needs.push(primary);
		// A second need for about a third of them, e.g. behaviour with mental health.
		if (random.chance(0.3)) {
			const others = names.filter((name) => name !== primary && weights[name] > 0);
			if (others.length > 0) needs.push(random.pick(others));
		}
	}
	return { age, sex, needs };
}
