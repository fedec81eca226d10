import { describe, expect, it } from 'vitest';
import type { GapBreakdown, GapGroup } from '$lib/domain/analysis/gap-breakdown';
import { suppressGapBreakdown } from './suppress-gap-breakdown';

const group = (kind: GapGroup['kind'], needsByLa: GapGroup['needsByLa'] = {}): GapGroup => ({
	kind,
	ageBand: '16-17',
	ageMin: 16,
	ageMax: 17,
	needsByLa,
	vacanciesNearby: 0
});

/** Every way a reader could work a hidden count out: cells, row and column totals, the gap's total. */
function solvable(breakdown: GapBreakdown, published: ReturnType<typeof suppressGapBreakdown>) {
	const hidden = published.las.flatMap((la) => la.byGroup.filter((cell) => cell.suppressed));
	const rowsWithOneHidden = published.las.filter(
		(la) => !la.children.suppressed && la.byGroup.filter((cell) => cell.suppressed).length === 1
	);
	const columnsWithOneHidden = published.groups.filter(
		(g, column) =>
			!g.children.suppressed && published.las.filter((la) => la.byGroup[column].suppressed).length === 1
	);
	const total = Object.values(breakdown.byLa)
		.flat()
		.reduce((a, b) => a + b, 0);
	const hiddenRows = published.las.filter((la) => la.children.suppressed);
	return {
		hidden: hidden.length,
		exposedByRow: rowsWithOneHidden.length,
		exposedByColumn: columnsWithOneHidden.length,
		exposedByTotal: hiddenRows.length === 1 && total > 0
	};
}

describe('suppressGapBreakdown', () => {
	const breakdown: GapBreakdown = {
		cell: 'x',
		groups: [
			group('supported', { A: { mental_health: 6 }, B: { mental_health: 2 }, C: { drug_alcohol: 1 } }),
			group('childrens_home')
		],
		byLa: { A: [7, 0], B: [3, 0], C: [6, 2] }
	};

	it('withholds every 1-4 of another LA and whatever would let a reader work it out', () => {
		const published = suppressGapBreakdown(breakdown, []);
		const shown = published.las.flatMap((la) => [la.children, ...la.byGroup]);
		for (const figure of shown) if (!figure.suppressed) expect([0, 5, 6, 7, 8]).toContain(figure.value);
		const b = published.las.find((la) => la.code === 'B')!;
		expect(b.children.suppressed).toBe(true);
		expect(b.byGroup[0].suppressed).toBe(true);
		const exposure = solvable(breakdown, published);
		expect(exposure).toMatchObject({ exposedByRow: 0, exposedByColumn: 0, exposedByTotal: false });
	});

	it("shows the reader's own LA in full, and still hides the others' small counts", () => {
		const published = suppressGapBreakdown(breakdown, ['B']);
		const b = published.las.find((la) => la.code === 'B')!;
		expect(b.children).toEqual({ value: 3, suppressed: false });
		expect(b.byGroup[0]).toEqual({ value: 3, suppressed: false });
		const c = published.las.find((la) => la.code === 'C')!;
		expect(c.byGroup[1].suppressed).toBe(true);
	});

	it("withholds a need's count when the other LAs' children with or without it are 1 to 4", () => {
		const published = suppressGapBreakdown(breakdown, ['A']);
		// A is the reader's: 6 of A's 7 have mental health needs, and 2 of the others (B): withheld.
		const needs = Object.fromEntries(published.groups[0].needs.map((n) => [n.need, n.children]));
		expect(needs.mental_health.suppressed).toBe(true);
		expect(needs.drug_alcohol.suppressed).toBe(true);
		// The needs are still named: a home registered for them is what would serve the group.
		expect(published.suggestion?.needs).toEqual(['drug_alcohol', 'mental_health']);
	});

	it('suggests a home for the largest group whose size is shown, for its ages and needs', () => {
		const two: GapBreakdown = {
			cell: 'z',
			groups: [
				group('childrens_home', { A: { mental_health: 1 } }),
				group('supported', { A: { drug_alcohol: 2 } })
			],
			byLa: { A: [6, 9], B: [5, 5] }
		};
		const published = suppressGapBreakdown(two, []);
		expect(published.groups.map((g) => g.children.value)).toEqual([11, 14]);
		expect(published.suggestion).toEqual({
			kind: 'supported',
			ageMin: 16,
			ageMax: 17,
			needs: ['drug_alcohol'],
			places: 14
		});
	});

	it('still suggests the largest group of five or more when every size is withheld, with five places', () => {
		const published = suppressGapBreakdown(breakdown, []);
		expect(published.groups.map((g) => g.children.suppressed)).toEqual([true, true]);
		expect(published.suggestion).toMatchObject({ kind: 'supported', places: 5 });
	});

	it("shows no other LA's count when the gap's total and the reader's own share give one away", () => {
		// The gap's total (9) is published beside it: with B's own 6 known, A's 3 would follow.
		const published = suppressGapBreakdown(
			{ cell: 'v', groups: [group('supported', { A: { mental_health: 3 } })], byLa: { A: [3], B: [6] } },
			['B']
		);
		expect(published.las.find((la) => la.code === 'A')!.children.suppressed).toBe(true);
		expect(published.groups[0].children.suppressed).toBe(true);
		expect(published.las.find((la) => la.code === 'B')!.children).toEqual({ value: 6, suppressed: false });
	});

	it("withholds a need's count when those without it would be 1 to 4", () => {
		const most: GapBreakdown = {
			cell: 'w',
			groups: [group('supported', { A: { mental_health: 6 }, B: { mental_health: 4 } })],
			byLa: { A: [7], B: [5] }
		};
		// 10 of the 12 have the need: shown, it tells that 2 do not.
		const published = suppressGapBreakdown(most, []);
		expect(published.groups[0].children).toEqual({ value: 12, suppressed: false });
		expect(published.groups[0].needs[0].children).toEqual({ value: null, suppressed: true });
	});

	it('shows a need count when no small number hides behind it', () => {
		const many: GapBreakdown = {
			cell: 'y',
			groups: [group('supported', { A: { mental_health: 6 }, B: { mental_health: 5 } })],
			byLa: { A: [12], B: [10] }
		};
		const published = suppressGapBreakdown(many, []);
		expect(published.groups[0].needs).toEqual([
			{ need: 'mental_health', children: { value: 11, suppressed: false } }
		]);
	});
});
