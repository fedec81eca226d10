import type { Need } from '../needs';
import type { HomeKind } from '../types';
import type { Random } from './random';

export interface HomeProfile {
	ageMin: number;
	ageMax: number;
	needs: Need[];
}

/**
 * Plausible needs and age range for a home (Ofsted's provider-level data does not carry them): most
 * children's homes are registered for emotional and behavioural difficulties, often with mental
 * disorders; short-break homes serve disabled children; secure homes older young people. Deterministic
 * for a given generator (seed it by URN).
 */
export function homeProfile(home: { kind: HomeKind; shortBreaksOnly: boolean }, random: Random): HomeProfile {
	const needs = new Set<Need>();
	const maybe = (need: Need, probability: number) => {
		if (random.chance(probability)) needs.add(need);
	};
	let ageMin: number;
	if (home.kind === 'secure') {
		needs.add('emotional_behavioural');
		needs.add('mental_health');
		maybe('drug_alcohol', 0.7);
		ageMin = 10;
	} else if (home.kind === 'residential_school') {
		needs.add('learning_disability');
		maybe('emotional_behavioural', 0.6);
		maybe('physical_disability', 0.4);
		maybe('sensory_impairment', 0.3);
		ageMin = random.pick([7, 8, 10, 11]);
	} else if (home.shortBreaksOnly) {
		needs.add('learning_disability');
		maybe('physical_disability', 0.7);
		maybe('sensory_impairment', 0.3);
		ageMin = random.pick([5, 6, 8]);
	} else {
		maybe('emotional_behavioural', 0.92);
		maybe('mental_health', 0.45);
		maybe('learning_disability', 0.25);
		maybe('drug_alcohol', 0.15);
		maybe('physical_disability', 0.05);
		maybe('sensory_impairment', 0.05);
		if (needs.size === 0) needs.add('learning_disability');
		ageMin = [8, 10, 11, 12, 13][random.weightedIndex([1, 2.5, 2.5, 3, 1])];
	}
	return { ageMin, ageMax: 17, needs: [...needs].sort() };
}
