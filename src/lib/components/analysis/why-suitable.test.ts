import { describe, expect, it } from 'vitest';
import type { SeekingChild, VacancyCandidate } from '$lib/analysis-worker/protocol';
import { whySuitable } from './why-suitable';

const child = (needs: string[]): SeekingChild => ({
	id: 'E08000003-00042',
	laCode: 'E08000003',
	home: [-2.24, 53.48],
	placement: [-2.9, 53.4],
	miles: 27.3,
	placementType: 'childrens_home',
	age: 14,
	needs
});

const candidate = (overrides: Partial<VacancyCandidate> = {}): VacancyCandidate => ({
	provider: { type: 'home', urn: '1155775' },
	kind: 'childrens_home',
	laCode: 'E08000003',
	location: [-2.19, 53.44],
	vacancies: 1,
	miles: 3.2,
	label: null,
	places: 4,
	ageMin: 10,
	ageMax: 17,
	needs: ['emotional_behavioural', 'learning_disability'],
	...overrides
});

describe('whySuitable', () => {
	it('names the kind, the age range with the child’s age, and the needs it is registered for', () => {
		expect(whySuitable(child(['emotional_behavioural', 'learning_disability']), candidate())).toEqual([
			"Children's home, the kind of placement the child needs",
			'Takes ages 10 to 17; the child is 14',
			"Registered for the child's needs: emotional and behavioural difficulties and learning disability"
		]);
		expect(whySuitable(child(['learning_disability']), candidate())[2]).toBe(
			"Registered for the child's need: learning disability"
		);
	});

	it('says so when the child has no recorded needs, or the carers take any', () => {
		expect(whySuitable(child([]), candidate())[2]).toBe('The child has no recorded needs');
		const carers = candidate({ kind: 'fostering', needs: null, ageMin: 0, ageMax: 25 });
		expect(whySuitable(child(['mental_health']), carers)).toEqual([
			'Foster carers, the kind of placement the child needs',
			'Takes ages 0 to 25; the child is 14',
			"Takes any needs, the child's included (mental disorders)"
		]);
	});
});
