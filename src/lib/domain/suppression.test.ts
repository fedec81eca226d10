import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaks, type ReaderView } from '../../../tests/support/disclosure-attacker';
import {
	isSmallCount,
	plainPercentage,
	suppressAreaFigures,
	suppressColumn,
	suppressCount,
	suppressedPercentage,
	suppressTable,
	type AreaCounts,
	type SuppressedTable,
	type Withheld
} from './suppression';
import { propertyRuns } from '../../../tests/mutation/property-runs';

const W: Withheld = { value: null, suppressed: true };
const v = (value: number | null): Withheld => ({ value, suppressed: false });

/**
 * The attacker: which withheld cells can a reader work out exactly from what is shown? A cell is
 * determined when its unit vector lies in the row space of the equations over the unknowns (Gaussian
 * elimination over the reals; tables here are small).
 */
function determinedCells(
	counts: number[][],
	table: SuppressedTable,
	rowTotals: boolean,
	columnTotals: boolean
) {
	const rows = counts.length;
	const columns = counts[0].length;
	type Key = string;
	const unknowns: Key[] = [];
	const index = new Map<Key, number>();
	const add = (key: Key, w: Withheld) => {
		if (w.suppressed) {
			index.set(key, unknowns.length);
			unknowns.push(key);
		}
	};
	counts.forEach((row, r) => row.forEach((_, c) => add(`c${r},${c}`, table.cells[r][c])));
	if (rowTotals) table.rowTotals.forEach((w, r) => add(`r${r}`, w));
	if (columnTotals) table.columnTotals.forEach((w, c) => add(`k${c}`, w));
	if (table.total) add('t', table.total);
	const equations: number[][] = [];
	const equation = (members: Key[], total: Key) => {
		const coefficients = new Array(unknowns.length).fill(0);
		for (const m of members) if (index.has(m)) coefficients[index.get(m)!] += 1;
		if (index.has(total)) coefficients[index.get(total)!] -= 1;
		if (coefficients.some((x) => x !== 0)) equations.push(coefficients);
	};
	if (rowTotals)
		for (let r = 0; r < rows; r++)
			equation(
				[...Array(columns).keys()].map((c) => `c${r},${c}`),
				`r${r}`
			);
	if (columnTotals)
		for (let c = 0; c < columns; c++)
			equation(
				[...Array(rows).keys()].map((r) => `c${r},${c}`),
				`k${c}`
			);
	if (rowTotals && columnTotals) {
		equation(
			[...Array(rows).keys()].map((r) => `r${r}`),
			't'
		);
		equation(
			[...Array(columns).keys()].map((c) => `k${c}`),
			't'
		);
	}
	const rank = (matrix: number[][]) => {
		const m = matrix.map((row) => [...row]);
		let r = 0;
		for (let c = 0; c < unknowns.length && r < m.length; c++) {
			const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
			if (pivot < 0) continue;
			[m[r], m[pivot]] = [m[pivot], m[r]];
			for (let i = 0; i < m.length; i++) {
				if (i === r) continue;
				const f = m[i][c] / m[r][c];
				for (let j = c; j < unknowns.length; j++) m[i][j] -= f * m[r][j];
			}
			r++;
		}
		return r;
	};
	const base = rank(equations);
	return unknowns.filter((_, i) => {
		const unit = new Array(unknowns.length).fill(0);
		unit[i] = 1;
		return rank([...equations, unit]) === base;
	});
}

describe('suppressCount and isSmallCount', () => {
	it('withholds 1 to 4 and nothing else', () => {
		expect([0, 1, 4, 5, 100].map(isSmallCount)).toEqual([false, true, true, false, false]);
		expect(suppressCount(0)).toEqual(v(0));
		expect(suppressCount(1)).toEqual(W);
		expect(suppressCount(4)).toEqual(W);
		expect(suppressCount(5)).toEqual(v(5));
		expect(suppressCount(null)).toEqual(v(null));
	});
});

describe('suppressedPercentage', () => {
	it('shows a share of two large counts to one decimal place', () => {
		expect(suppressedPercentage(50, 150)).toEqual(v(33.3));
		expect(suppressedPercentage(0, 40)).toEqual(v(0));
		expect(suppressedPercentage(40, 40)).toEqual(v(100));
	});
	it('withholds a share whose part, or whose rest, is a small number', () => {
		expect(suppressedPercentage(3, 100)).toEqual(W);
		expect(suppressedPercentage(97, 100)).toEqual(W);
		expect(suppressedPercentage(95, 100)).toEqual(v(95));
	});
	it('withholds a share of a withheld count, and gives null without a denominator', () => {
		expect(suppressedPercentage(W, v(100))).toEqual(W);
		expect(suppressedPercentage(v(10), W)).toEqual(W);
		expect(suppressedPercentage(0, 0)).toEqual(v(null));
		expect(suppressedPercentage(v(null), v(10))).toEqual(v(null));
	});
});

describe('plainPercentage: a share of the reader’s own figures', () => {
	it('shows any share, small ones too, to one decimal place', () => {
		expect(plainPercentage(1, 3)).toEqual(v(33.3));
		expect(plainPercentage(0, 7)).toEqual(v(0));
	});
	it('gives null, never a suppression, without a part or a positive whole', () => {
		expect(plainPercentage(3, 0)).toEqual(v(null));
		expect(plainPercentage(0, 0)).toEqual(v(null));
		expect(plainPercentage(null, 10)).toEqual(v(null));
		expect(plainPercentage(2, null)).toEqual(v(null));
	});
});

describe('suppressColumn: one column and its total', () => {
	it('withholds a second cell, the smallest, when one small cell and the total would give it away', () => {
		const { cells, total } = suppressColumn([3, 120, 40, 8]);
		expect(cells).toEqual([W, v(120), v(40), W]);
		expect(total).toEqual(v(171));
	});
	it('needs no secondary suppression when two cells are small already', () => {
		const { cells, total } = suppressColumn([3, 120, 2]);
		expect(cells).toEqual([W, v(120), W]);
		expect(total).toEqual(v(125));
	});
	it('prefers a positive cell to a zero, and a zero to the total', () => {
		expect(suppressColumn([0, 2, 7]).cells).toEqual([v(0), W, W]);
		const zeros = suppressColumn([0, 2, 0]);
		expect(zeros.total).toEqual(W); // the total is small itself
		const onlyZero = suppressColumn([0, 6, 0]);
		expect(onlyZero.cells).toEqual([v(0), v(6), v(0)]);
	});
	it('withholds the total when no other cell can be withheld', () => {
		const { cells, total } = suppressColumn([9, 3], { known: (row) => row === 0 });
		expect(cells).toEqual([v(9), W]);
		expect(total).toEqual(W);
	});
	it('withholds every small cell of a table of small numbers, and a small total', () => {
		const { cells, total } = suppressColumn([1, 1, 2]);
		expect(cells).toEqual([W, W, W]);
		expect(total).toEqual(W);
	});
	it('shows a reader their own cell but still protects the others from it', () => {
		// Without the known cell both small cells hide each other; a reader who knows 3 could solve for 2.
		expect(suppressColumn([3, 2, 50]).cells).toEqual([W, W, v(50)]);
		const own = suppressColumn([3, 2, 50], { known: (row) => row === 0 });
		expect(own.cells).toEqual([v(3), W, W]);
		expect(own.total).toEqual(v(55));
	});
	it('treats an unknown cell as an unknown of the equation, never choosing it', () => {
		const { cells, total } = suppressColumn([3, null, 50]);
		expect(cells).toEqual([W, v(null), v(50)]);
		expect(total).toEqual(v(null));
	});
});

describe('suppressTable: rows, columns and margins', () => {
	it('chains secondary suppression through rows and columns until nothing can be solved for', () => {
		const counts = [
			[2, 10],
			[10, 10]
		];
		const table = suppressTable(counts, { rowTotals: true, columnTotals: true });
		expect(table.cells).toEqual([
			[W, W],
			[W, W]
		]);
		expect(table.rowTotals).toEqual([v(12), v(20)]);
		expect(table.columnTotals).toEqual([v(12), v(20)]);
		expect(table.total).toEqual(v(32));
		expect(determinedCells(counts, table, true, true)).toEqual([]);
	});

	it('on a larger table withholds few cells and leaves no small cell solvable', () => {
		const counts = [
			[40, 1, 12, 30],
			[25, 18, 0, 9],
			[3, 22, 16, 40],
			[50, 60, 70, 80]
		];
		const table = suppressTable(counts, { rowTotals: true, columnTotals: true });
		expect(table.cells[0][1]).toEqual(W);
		expect(table.cells[2][0]).toEqual(W);
		expect(determinedCells(counts, table, true, true)).toEqual([]);
		const withheld = table.cells.flat().filter((c) => c.suppressed).length;
		expect(withheld).toBeLessThanOrEqual(6);
		expect(table.cells[3].every((c) => !c.suppressed)).toBe(true);
	});

	it('leaves no withheld cell solvable in 300 random tables with margins', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 300; n++) {
			const rows = 2 + Math.floor(random() * 3);
			const columns = 2 + Math.floor(random() * 3);
			const counts = Array.from({ length: rows }, () =>
				Array.from({ length: columns }, () => Math.floor(random() * 14))
			);
			const table = suppressTable(counts, { rowTotals: true, columnTotals: true });
			expect(determinedCells(counts, table, true, true), JSON.stringify(counts)).toEqual([]);
		}
	});

	it('withholds a small row total and what would reveal it', () => {
		const counts = [
			[1, 2, 0],
			[10, 20, 30]
		];
		const table = suppressTable(counts, { rowTotals: true, columnTotals: true });
		expect(table.rowTotals[0]).toEqual(W);
		expect(table.cells[0]).toEqual([W, W, v(0)]);
		expect(determinedCells(counts, table, true, true)).toEqual([]);
	});

	it('withholds a row total forced by another table', () => {
		const table = suppressTable([[10, 10]], { rowTotals: true, forceRowTotal: () => true });
		expect(table.rowTotals).toEqual([W]);
		// A withheld total with both cells shown would be pointless: one cell is withheld with it.
		expect(table.cells[0].filter((c) => c.suppressed)).toHaveLength(1);
	});

	it('rejects counts that are not whole numbers of at least 0, and ragged rows', () => {
		expect(() => suppressTable([[1.5]])).toThrow(/whole numbers/);
		expect(() => suppressTable([[-1]])).toThrow(/whole numbers/);
		expect(() => suppressTable([[1, 2], [3]])).toThrow(/same number of cells/);
	});

	it('handles an empty table', () => {
		expect(suppressTable([], { rowTotals: true, columnTotals: true })).toEqual({
			cells: [],
			rowTotals: [],
			columnTotals: [],
			total: v(0)
		});
	});
});

describe('suppressAreaFigures: the child figures of a region summary', () => {
	const las = [
		{ children: 300, outsideLa: 120, over20Miles: 60 },
		{ children: 3, outsideLa: 1, over20Miles: 0 },
		{ children: 250, outsideLa: 100, over20Miles: 248 },
		{ children: 90, outsideLa: 30, over20Miles: 20 }
	];

	it('withholds small LAs, a second LA so the region total does not give them away, and their shares', () => {
		const { las: out, region } = suppressAreaFigures(las);
		expect(out[1].childrenLookedAfter).toEqual(W);
		expect(out[1].percentOutsideLa).toEqual(W);
		expect(out[1].percentOver20Miles).toEqual(W);
		const withheldTotals = out.filter((la) => la.childrenLookedAfter.suppressed).length;
		expect(withheldTotals).toBeGreaterThanOrEqual(2);
		expect(region.childrenLookedAfter).toEqual(v(643));
		expect(out[0].childrenLookedAfter).toEqual(v(300));
		expect(out[0].percentOutsideLa).toEqual(v(40));
	});

	it('withholds a share whose complement is small (248 of 250 over 20 miles)', () => {
		const { las: out } = suppressAreaFigures(las);
		expect(out[2].percentOver20Miles).toEqual(W);
	});

	it('shows an LA its own figures in full, and still hides the others from it', () => {
		const { las: out, region } = suppressAreaFigures(las, { known: (i) => i === 1 });
		expect(out[1]).toEqual({
			childrenLookedAfter: v(3),
			percentOutsideLa: v(33.3),
			percentOver20Miles: v(0)
		});
		expect(region.childrenLookedAfter.value).toBe(643);
		expect(out[0].childrenLookedAfter).toEqual(v(300));
	});

	it('shows the region in full to a reader who knows every member LA', () => {
		const { region } = suppressAreaFigures(las, { known: () => true });
		expect(region).toEqual({
			childrenLookedAfter: v(643),
			percentOutsideLa: v(39),
			percentOver20Miles: v(51)
		});
	});

	it('shows the region’s small shares only to a reader who knows every member LA', () => {
		// One child of each LA is over 20 miles away: 2 of the region's 500 (0.4%).
		const two = [
			{ children: 300, outsideLa: 120, over20Miles: 1 },
			{ children: 200, outsideLa: 50, over20Miles: 1 }
		];
		expect(suppressAreaFigures(two, { known: () => true }).region.percentOver20Miles).toEqual(v(0.4));
		const { las: out, region } = suppressAreaFigures(two, { known: (i) => i === 0 });
		expect(out[0].percentOver20Miles).toEqual(v(0.3));
		expect(out[1].percentOver20Miles).toEqual(W);
		expect(region.percentOver20Miles).toEqual(W);
	});

	it('gives the region a null share, to a reader who knows every LA, where one LA has no such records', () => {
		const { region } = suppressAreaFigures(
			[
				{ children: 100, outsideLa: null, over20Miles: 30 },
				{ children: 200, outsideLa: 80, over20Miles: 80 }
			],
			{ known: () => true }
		);
		expect(region).toEqual({
			childrenLookedAfter: v(300),
			percentOutsideLa: v(null),
			percentOver20Miles: v(36.7)
		});
	});

	it('gives a region without member LAs no children and no shares', () => {
		expect(suppressAreaFigures([])).toEqual({
			las: [],
			region: { childrenLookedAfter: v(0), percentOutsideLa: v(null), percentOver20Miles: v(null) }
		});
	});

	it('gives null, not a suppression, where an LA has no records', () => {
		const { las: out, region } = suppressAreaFigures([
			{ children: 300, outsideLa: 120, over20Miles: 60 },
			{ children: null, outsideLa: null, over20Miles: null }
		]);
		expect(out[1].childrenLookedAfter).toEqual(v(null));
		expect(out[0].childrenLookedAfter).toEqual(v(300));
		expect(region.childrenLookedAfter).toEqual(v(null));
	});
});

describe('suppressAreaFigures against an independent attacker', () => {
	/**
	 * What a reader of the summary sees for each LA and the region (children, and the two shares as
	 * percentages), what they know (their own LAs' counts) and the arithmetic that ties them: the region
	 * is the sum of its LAs, each share's part is at most the whole.
	 */
	function view(las: AreaCounts[], known: boolean[]) {
		const out = suppressAreaFigures(las, { known: (i) => known[i] });
		// Figures: per area [children, outside, inside, over 20, within 20]; the region's come last.
		const areas = [...las, sumOf(las)];
		const truth = areas.flatMap((a) => [
			a.children!,
			a.outsideLa!,
			a.children! - a.outsideLa!,
			a.over20Miles!,
			a.children! - a.over20Miles!
		]);
		const shown: (number | null)[] = truth.map(() => null);
		const percentages: ReaderView['percentages'] & object[] = [];
		const relations: ReaderView['relations'][number][] = [];
		[...out.las, out.region].forEach((figures, a) => {
			const [c, o, i, v, n] = [0, 1, 2, 3, 4].map((k) => 5 * a + k);
			if (a < las.length && known[a]) [c, o, i, v, n].forEach((k) => (shown[k] = truth[k]));
			if (!figures.childrenLookedAfter.suppressed) shown[c] = figures.childrenLookedAfter.value;
			if (figures.percentOutsideLa.value !== null)
				percentages.push({ part: o, whole: c, percent: figures.percentOutsideLa.value });
			if (figures.percentOver20Miles.value !== null)
				percentages.push({ part: v, whole: c, percent: figures.percentOver20Miles.value });
			relations.push(
				[
					[c, -1],
					[o, 1],
					[i, 1]
				],
				[
					[c, -1],
					[v, 1],
					[n, 1]
				]
			);
		});
		for (let k = 0; k < 5; k++) {
			relations.push([[5 * las.length + k, -1], ...las.map((_, a): [number, number] => [5 * a + k, 1])]);
		}
		const own = truth.map((value, k) => (k < 5 * las.length && known[Math.floor(k / 5)] ? value : null));
		return { out, truth, own, view: { shown, percentages, relations } satisfies ReaderView };
	}
	const sumOf = (las: AreaCounts[]): AreaCounts => ({
		children: las.reduce((s, la) => s + la.children!, 0),
		outsideLa: las.reduce((s, la) => s + la.outsideLa!, 0),
		over20Miles: las.reduce((s, la) => s + la.over20Miles!, 0)
	});
	const la = fc
		.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
		.map(([children, a, b]) => ({
			children,
			outsideLa: Math.min(children, a),
			over20Miles: Math.min(children, b)
		}));

	it('withholds in both tables a total that either withholds (one pass over each leaks here)', () => {
		// The reader holds LA 0 (3 children, all over 20 miles). Suppressing each table once leaves
		// LA 2's 2 children over 20 miles narrowed to 1-4 (found by the property below at its 162nd
		// case); suppressing both until they agree on the withheld totals does not.
		const las = [
			{ children: 3, outsideLa: 0, over20Miles: 3 },
			{ children: 0, outsideLa: 0, over20Miles: 0 },
			{ children: 7, outsideLa: 0, over20Miles: 2 }
		];
		const { truth, own, view: seen } = view(las, [true, false, false, false]);
		expect(leaks(seen, truth, 14, own)).toEqual([]);
	});

	it(
		'narrows no withheld 1-4 count (an LA’s children, outside, inside, over or within 20 miles) to 1-4',
		{ timeout: 120_000 },
		() => {
			fc.assert(
				fc.property(
					fc.array(la, { minLength: 1, maxLength: 4 }),
					fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
					(las, known) => {
						const { truth, own, view: seen } = view(las, known);
						expect(leaks(seen, truth, 14, own)).toEqual([]);
					}
				),
				{ numRuns: propertyRuns(2000), seed: 18 }
			);
		}
	);
});
