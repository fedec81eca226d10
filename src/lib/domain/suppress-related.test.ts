import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaks } from '../../../tests/support/disclosure-attacker';
import { sumRelation, suppressRelated, type Relation, type RelatedCell } from './suppress-related';
import { propertyRuns } from '../../../tests/mutation/property-runs';

const W = { value: null, suppressed: true };
const v = (value: number | null) => ({ value, suppressed: false });
const cells = (...values: (number | null)[]): RelatedCell[] => values.map((value) => ({ value }));

/** The attacker's view of a suppressed response. */
function attack(input: RelatedCell[], relations: Relation[], limit = 16) {
	const out = suppressRelated(input, relations);
	const view = {
		shown: out.map((w) => (w.suppressed ? null : w.value)),
		signed: input.map((c) => c.signed === true),
		relations
	};
	const truth = input.map((c) => c.value ?? 0);
	return { out, leaked: leaks(view, truth, limit) };
}

describe('suppressRelated', () => {
	it('withholds 1 to 4 and, with a total shown, the smallest other part', () => {
		// 3 + 8 + 20 = 31: with 31 shown, hiding 3 alone gives it back as 31 - 8 - 20.
		expect(suppressRelated(cells(31, 3, 8, 20), [sumRelation(0, [1, 2, 3])])).toEqual([v(31), W, W, v(20)]);
	});

	it('hides a before-and-after pair when their difference is shown (gained = after - before)', () => {
		// before 3, after 10, gained 7: before = after - gained.
		const input: RelatedCell[] = [{ value: 3 }, { value: 10 }, { value: 7, signed: true }];
		const relation: Relation = [
			[2, -1],
			[1, 1],
			[0, -1]
		];
		const out = suppressRelated(input, [relation]);
		expect(out[0]).toEqual(W);
		expect(out.filter((w) => w.suppressed)).toHaveLength(2);
	});

	it('withholds a small negative difference (children lost)', () => {
		const out = suppressRelated(
			[{ value: -2, signed: true }, { value: 40 }, { value: 42 }],
			[
				[
					[0, -1],
					[1, 1],
					[2, -1]
				]
			]
		);
		expect(out[0]).toEqual(W);
		expect(out.filter((w) => w.suppressed).length).toBeGreaterThan(1);
	});

	it('protects against bounds, not only exact solutions', () => {
		// The reader's own LA has 0, 1, 0 (total 1); another LA has 5, 0, 1 (total 6); columns total
		// 5, 1, 1. Hiding the middle column's total (1) and the other LA's 0 beside it is not enough:
		// that 0 and the other LA's withheld 1 add up to 6 - 5 = 1, so the total is 1 + (0 or 1): between
		// 1 and 2. Something more must go.
		const input: RelatedCell[] = [
			...[0, 1, 0, 1].map((value) => ({ value, known: true })),
			...cells(5, 0, 1, 6, 5, 1, 1)
		];
		const relations = [
			sumRelation(3, [0, 1, 2]),
			sumRelation(7, [4, 5, 6]),
			sumRelation(8, [0, 4]),
			sumRelation(9, [1, 5]),
			sumRelation(10, [2, 6])
		];
		const { out, leaked } = attack(input, relations);
		expect(out[9]).toEqual(W);
		expect(leaked).toEqual([]);
		expect(out[4].suppressed || out[7].suppressed).toBe(true);
	});

	it('shows the reader their own figures and protects the others from them', () => {
		// Region 9 = own 7 + another LA's 2: the region must go, since 9 - 7 = 2.
		const input: RelatedCell[] = [{ value: 9 }, { value: 7, known: true }, { value: 2 }];
		expect(suppressRelated(input, [sumRelation(0, [1, 2])])).toEqual([W, v(7), W]);
	});

	it('shows a small figure the known figures alone determine (the reader has it already)', () => {
		const input: RelatedCell[] = [{ value: 3 }, { value: 1, known: true }, { value: 2, known: true }];
		expect(suppressRelated(input, [sumRelation(0, [1, 2])])).toEqual([v(3), v(1), v(2)]);
	});

	it('treats a figure the data does not hold as an unknown, never shown nor chosen', () => {
		expect(suppressRelated(cells(12, 3, null, 9), [sumRelation(0, [1, 2, 3])])).toEqual([
			v(12),
			W,
			v(null),
			v(9)
		]);
	});

	it('withholds a figure marked `withhold` and what would give it away', () => {
		const input: RelatedCell[] = [{ value: 30 }, { value: 10, withhold: true }, { value: 20 }];
		expect(suppressRelated(input, [sumRelation(0, [1, 2])]).filter((w) => w.suppressed)).toHaveLength(2);
	});

	it('rejects figures that are not whole numbers, bad relations and relations that do not hold', () => {
		expect(() => suppressRelated(cells(1.5), [])).toThrow(/cell 0 must be a whole number of at least 0/);
		expect(() => suppressRelated(cells(-1), [])).toThrow(/at least 0/);
		expect(() => suppressRelated(cells(1), [[[3, 1]]])).toThrow(/relation 0 refers to cell 3/);
		expect(() => suppressRelated(cells(5, 2, 2), [sumRelation(0, [1, 2])])).toThrow(
			/relation 0 does not hold/
		);
	});

	it('takes negative whole numbers only for signed figures, and checks every term of every relation', () => {
		expect(suppressRelated([{ value: -7, signed: true }], [])).toEqual([v(-7)]);
		expect(() => suppressRelated([{ value: 1.5, signed: true }], [])).toThrow(
			/^suppressRelated: cell 0 must be a whole number, not 1.5$/
		);
		expect(() => suppressRelated(cells(6, 6, -2), [])).toThrow(
			/^suppressRelated: cell 2 must be a whole number of at least 0, not -2$/
		);
		const bad: [Relation, string][] = [
			[[[-1, 1]], 'cell -1 with coefficient 1'],
			[[[0.5, 1]], 'cell 0.5 with coefficient 1'],
			[[[1, 1]], 'cell 1 with coefficient 1'],
			[[[0, Number.NaN]], 'cell 0 with coefficient NaN'],
			[[[0, Number.POSITIVE_INFINITY]], 'cell 0 with coefficient Infinity']
		];
		for (const [relation, message] of bad)
			expect(() => suppressRelated(cells(0), [sumRelation(0, []), relation])).toThrow(
				`suppressRelated: relation 1 refers to ${message}`
			);
		expect(() => suppressRelated(cells(9, 4, 5, 2), [sumRelation(0, [1, 2]), sumRelation(3, [1])])).toThrow(
			/^suppressRelated: relation 1 does not hold for the values given$/
		);
	});

	it('takes a relation with a figure the data does not hold as holding, whatever the others add up to', () => {
		// 10 = 3 + ?: the reader cannot check it, and nor can we; the 3 is withheld as ever.
		expect(suppressRelated(cells(10, 3, null), [sumRelation(0, [1, 2])])).toEqual([v(10), W, v(null)]);
	});

	it(
		'leaves no withheld small figure narrowed to 1-4, over 2,000 random tables',
		{ timeout: 120_000 },
		() => {
			fc.assert(
				fc.property(relatedTable(), ({ input, relations }) => {
					expect(attack(input, relations).leaked).toEqual([]);
				}),
				{ numRuns: propertyRuns(2000), seed: 11 }
			);
		}
	);
});

/**
 * Random small responses of the shapes endpoints return: a grid with row, column and grand totals;
 * per row a before-and-after split (over = could + rest, twice, and their signed difference); rows the
 * reader knows (their own LA).
 */
function relatedTable() {
	const count = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 12 }));
	const grid = fc.record({
		kind: fc.constant('grid' as const),
		rows: fc.array(fc.array(count, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
		known: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })
	});
	const split = fc.record({
		kind: fc.constant('split' as const),
		rows: fc.array(fc.tuple(count, count, count), { minLength: 1, maxLength: 3 }),
		known: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })
	});
	return fc.oneof(grid, split).map((table) => {
		const input: RelatedCell[] = [];
		const relations: Relation[] = [];
		const add = (value: number, known = false, signed = false) => input.push({ value, known, signed }) - 1;
		const width = table.kind === 'grid' ? Math.max(...table.rows.map((r) => r.length)) : 6;
		const columns: number[][] = Array.from({ length: width }, () => []);
		table.rows.forEach((row, r) => {
			const own = table.known[r] && table.rows.length > 1;
			let ids: number[];
			if (table.kind === 'grid') {
				const padded = [...row, ...new Array(width - row.length).fill(0)] as number[];
				ids = padded.map((value) => add(value, own));
				relations.push(
					sumRelation(
						add(
							padded.reduce((a, b) => a + b, 0),
							own
						),
						ids
					)
				);
			} else {
				const [rest, could, more] = row as [number, number, number];
				const over = rest + could;
				const after = Math.min(over, could + more);
				ids = [
					add(over, own),
					add(could, own),
					add(after, own),
					add(over - could, own),
					add(over - after, own)
				];
				ids.push(add(after - could, own, true));
				relations.push(sumRelation(ids[0], [ids[1], ids[3]]), sumRelation(ids[0], [ids[2], ids[4]]), [
					[ids[5], -1],
					[ids[2], 1],
					[ids[1], -1]
				]);
			}
			ids.forEach((id, c) => columns[c].push(id));
		});
		for (const column of columns) {
			const total = column.reduce((sum, id) => sum + input[id].value!, 0);
			relations.push(
				sumRelation(
					add(
						total,
						false,
						column.some((id) => input[id].signed)
					),
					column
				)
			);
		}
		return { input, relations };
	});
}
