/**
 * Needs a children's home is registered and staffed for, and that a child may have: Ofsted's
 * registration categories for children's homes (the "Categories of need" on a home's registration).
 */
export const NEEDS = [
	'emotional_behavioural',
	'learning_disability',
	'physical_disability',
	'mental_health',
	'sensory_impairment',
	'drug_alcohol'
] as const;

export type Need = (typeof NEEDS)[number];

export const NEED_LABELS: Record<Need, string> = {
	emotional_behavioural: 'Emotional and behavioural difficulties',
	learning_disability: 'Learning disability',
	physical_disability: 'Physical disability',
	mental_health: 'Mental disorders',
	sensory_impairment: 'Sensory impairment',
	drug_alcohol: 'Drug and alcohol misuse'
};

export function isNeed(value: string): value is Need {
	return (NEEDS as readonly string[]).includes(value);
}
