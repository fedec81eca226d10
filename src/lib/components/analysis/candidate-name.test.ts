import { describe, expect, it } from 'vitest';
import type { VacancyCandidate } from '$lib/analysis-worker/protocol';
import { candidateName } from './candidate-name';

const base = {
	laCode: 'E08000001',
	location: [-2.4, 53.6] as [number, number],
	vacancies: 1,
	miles: 8,
	label: null,
	places: 3,
	ageMin: 8,
	ageMax: 17,
	needs: []
};
const home: VacancyCandidate = { ...base, provider: { type: 'home', urn: '1155775' }, kind: 'secure' };
const carers: VacancyCandidate = {
	...base,
	provider: { type: 'fostering', laCode: 'E08000001' },
	kind: 'fostering',
	label: 'Bolton',
	needs: null
};
const laNames = new Map([['E08000001', 'Bolton']]);

describe('candidateName', () => {
	it('names a home by kind, URN, owner when known, and LA', () => {
		const homes = new Map([['1155775', { owner: 'Example Care Ltd' }]]);
		expect(candidateName(home, homes, laNames)).toBe(
			"Secure children's home URN 1155775, Example Care Ltd (Bolton)"
		);
		expect(candidateName(home, new Map(), laNames)).toBe("Secure children's home URN 1155775 (Bolton)");
	});

	it("names fostering capacity by its LA, from the worker's label when the LA is not a member", () => {
		expect(candidateName(carers, new Map(), laNames)).toBe('Bolton foster carers');
		expect(candidateName(carers, new Map(), new Map())).toBe('Bolton foster carers');
	});
});
