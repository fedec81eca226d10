import { describe, expect, it } from 'vitest';
import type { GapBreakdown, GapGroup } from '$lib/domain/analysis/gap-breakdown';
import { suppressGapBreakdown } from './suppress-gap-breakdown';

/** Groups told apart by their youngest age, so that a test can say which one was suggested. */
const group = (ageMin: number, needsByLa: GapGroup['needsByLa'] = {}): GapGroup => ({
	kind: 'supported',
	ageBand: '16-17',
	ageMin,
	ageMax: 17,
	needsByLa,
	vacanciesNearby: 0
});
const breakdown = (byLa: Record<string, number[]>, groups?: GapGroup[]): GapBreakdown => ({
	cell: 'x',
	groups: groups ?? Object.values(byLa)[0].map((_, i) => group(10 + i)),
	byLa
});

describe('suppressGapBreakdown: which group a proposed home is for', () => {
	it('suggests the first of two largest published groups, not the last', () => {
		const tie = suppressGapBreakdown(breakdown({ A: [3, 2], B: [2, 3] }), []);
		expect(tie.groups.map((g) => g.children.value)).toEqual([5, 5]);
		expect(tie.suggestion).toMatchObject({ ageMin: 10, places: 5 });
		const first = suppressGapBreakdown(breakdown({ A: [2, 3], B: [4, 2] }), []);
		expect(first.groups.map((g) => g.children.value)).toEqual([6, 5]);
		expect(first.suggestion).toMatchObject({ ageMin: 10, places: 6 });
	});

	it('suggests nothing when every size is withheld and no group has five or more', () => {
		const small = suppressGapBreakdown(breakdown({ A: [2, 1], B: [2, 1] }), []);
		expect(small.groups.map((g) => g.children.suppressed)).toEqual([true, true]);
		expect(small.suggestion).toBeNull();
	});
});

describe("suppressGapBreakdown: a need's count beside the reader's own LA", () => {
	it("withholds it when the other LAs' children without the need are 1 to 4 (the reader's own not counted)", () => {
		// Own A: 6 of 10 have the need. Others (B): 5 of 7, so 2 do not.
		const out = suppressGapBreakdown(
			breakdown({ A: [10], B: [7] }, [group(10, { A: { mental_health: 6 }, B: { mental_health: 5 } })]),
			['A']
		);
		expect(out.groups[0].children).toEqual({ value: 17, suppressed: false });
		expect(out.groups[0].needs).toEqual([
			{ need: 'mental_health', children: { value: null, suppressed: true } }
		]);
	});

	it("withholds it when the other LAs' children with the need are 1 to 4, the group's size shown", () => {
		// Own A: 6 of 10. Others (B): 2 of 7 have it.
		const out = suppressGapBreakdown(
			breakdown({ A: [10], B: [7] }, [group(10, { A: { mental_health: 6 }, B: { mental_health: 2 } })]),
			['A']
		);
		expect(out.groups[0].children).toEqual({ value: 17, suppressed: false });
		expect(out.groups[0].needs).toEqual([
			{ need: 'mental_health', children: { value: null, suppressed: true } }
		]);
	});

	it('shows it when neither the others with it nor those without it are 1 to 4', () => {
		const out = suppressGapBreakdown(
			breakdown({ A: [10], B: [12] }, [group(10, { A: { mental_health: 6 }, B: { mental_health: 5 } })]),
			['A']
		);
		expect(out.groups[0].needs).toEqual([
			{ need: 'mental_health', children: { value: 11, suppressed: false } }
		]);
	});
});
