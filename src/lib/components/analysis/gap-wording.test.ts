import { describe, expect, it } from 'vitest';
import type { PublicGapGroup } from '$lib/server/analysis/suppress-gap-breakdown';
import { groupText, ringContains, whyHelpsNobody, whyUnserved } from './gap-wording';

const supported: PublicGapGroup = {
	kind: 'supported',
	ageBand: '16-17',
	ageMin: 16,
	ageMax: 17,
	children: { value: 11, suppressed: false },
	needs: [{ need: 'mental_health', children: { value: null, suppressed: true } }],
	vacanciesNearby: 0
};

describe('gap wording', () => {
	it('says who is unserved and why, withheld counts as "fewer than 5"', () => {
		expect(groupText(supported)).toBe('11 need supported accommodation aged 16-17');
		expect(groupText({ ...supported, children: { value: null, suppressed: true } })).toBe(
			'fewer than 5 need supported accommodation aged 16-17'
		);
		expect(whyUnserved(supported)).toBe('No supported accommodation vacancy within 20 miles of their home.');
		expect(whyUnserved({ ...supported, vacanciesNearby: 3 })).toMatch(/^3 vacancies .* none for their ages/);
	});

	it('explains a proposal that helps nobody by the first mismatch with the gap', () => {
		expect(whyHelpsNobody({ kind: 'childrens_home', places: 6 }, [supported])).toBe(
			"None of these children needs a children's home; 11 need supported accommodation aged 16-17."
		);
		expect(whyHelpsNobody({ kind: 'supported', places: 6, ageMin: 8, ageMax: 15 }, [supported])).toBe(
			'It takes ages 8-15; the children who need supported accommodation are aged 16-17.'
		);
		expect(whyHelpsNobody({ kind: 'supported', places: 6, ageMin: 16, ageMax: 17 }, [supported])).toBe(
			'The children who need supported accommodation here have needs it is not registered for: Mental disorders.'
		);
		expect(whyHelpsNobody({ kind: 'supported', places: 6 }, null)).toMatch(/^It stands in no gap/);
	});

	it('finds whether a point is inside a ring', () => {
		const ring: [number, number][] = [
			[0, 0],
			[2, 0],
			[2, 2],
			[0, 2],
			[0, 0]
		];
		expect(ringContains(ring, [1, 1])).toBe(true);
		expect(ringContains(ring, [3, 1])).toBe(false);
	});
});
