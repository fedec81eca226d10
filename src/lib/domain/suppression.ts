/**
 * Small-number suppression, implemented once (DESIGN.md "Privacy and access"). Any count of children that
 * leaves the owning LA is withheld when it is between 1 and 4 ("primary" suppression), and so is any
 * other figure that would let a reader work it out: a total minus the cells shown, a difference between
 * a total and a part, a percentage of a shown denominator ("secondary" suppression). Zero is not
 * suppressed: it identifies nobody. Figures are withheld as `value: null, suppressed: true`; the UI shows
 * them as "<5" (src/lib/components/Suppressed.svelte).
 */

import { isSmallCount, type Withheld } from './small-count';
import { sumRelation, suppressRelated, type Relation, type RelatedCell } from './suppress-related';

export { SMALL_COUNT_MAX, SUPPRESSED_LABEL, isSmallCount, type Withheld } from './small-count';

/** Primary suppression of one count on its own. Null (unknown) stays null, unsuppressed. */
export function suppressCount(count: number | null): Withheld {
	if (count === null) return { value: null, suppressed: false };
	return isSmallCount(count) ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/**
 * A percentage (one decimal place) of two counts as they will be shown. Withheld when either count is
 * withheld, when the part is a small number, or when the rest (whole - part) is: with the whole shown,
 * the percentage gives both away.
 */
export function suppressedPercentage(part: Withheld | number, whole: Withheld | number): Withheld {
	const p = typeof part === 'number' ? { value: part, suppressed: false } : part;
	const w = typeof whole === 'number' ? { value: whole, suppressed: false } : whole;
	if (p.suppressed || w.suppressed) return { value: null, suppressed: true };
	if (p.value === null || w.value === null || w.value <= 0) return { value: null, suppressed: false };
	if (isSmallCount(p.value) || isSmallCount(w.value - p.value)) return { value: null, suppressed: true };
	return { value: Math.round((1000 * p.value) / w.value) / 10, suppressed: false };
}

export interface TableOptions {
	/** Each row's total is published beside it (the sum of the row's cells). */
	rowTotals?: boolean;
	/** Each column's total is published below it (the sum of the column's cells). */
	columnTotals?: boolean;
	/**
	 * Cells the reader already knows (their own LA's figures): never withheld, and counted as known when
	 * deciding what else must be withheld so that they cannot be used to work out anyone else's.
	 */
	known?: (row: number, column: number) => boolean;
	/** Rows' totals the reader already knows. */
	knownRowTotal?: (row: number) => boolean;
	/** Row totals that must be withheld whatever their value (withheld in another table that shares them). */
	forceRowTotal?: (row: number) => boolean;
}

export interface SuppressedTable {
	cells: Withheld[][];
	/** Present when `rowTotals` was asked for. */
	rowTotals: Withheld[];
	/** Present when `columnTotals` was asked for. */
	columnTotals: Withheld[];
	/** The grand total, when both row and column totals were asked for. */
	total: Withheld | null;
}

/**
 * Primary and secondary suppression of a table of counts with published totals: each published total
 * and its cells form a relation, and the table is suppressed as one set of related figures
 * (`suppressRelated`), so that no withheld cell can be worked out from the rest. Unknown (null) cells
 * are unknowns of their relations and never chosen; a total with an unknown cell is unknown too.
 */
export function suppressTable(counts: (number | null)[][], options: TableOptions = {}): SuppressedTable {
	const rows = counts.length;
	const columns = rows > 0 ? Math.max(...counts.map((row) => row.length)) : 0;
	for (const row of counts) {
		if (row.length !== columns)
			throw new Error('suppressTable: every row must have the same number of cells');
		for (const value of row) {
			if (value !== null && !(Number.isInteger(value) && value >= 0)) {
				throw new Error(`suppressTable: counts are whole numbers of at least 0, not ${value}`);
			}
		}
	}
	const sum = (values: (number | null)[]) =>
		values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);
	const cells: RelatedCell[] = [];
	const relations: Relation[] = [];
	const add = (cell: RelatedCell) => cells.push(cell) - 1;
	const grid = counts.map((row, r) =>
		row.map((value, c) => add({ value, known: options.known?.(r, c) ?? false }))
	);
	const rowTotal = options.rowTotals
		? counts.map((row, r) =>
				add({
					value: sum(row),
					known: options.knownRowTotal?.(r) ?? false,
					withhold: options.forceRowTotal?.(r) ?? false
				})
			)
		: [];
	const columnTotal = options.columnTotals
		? Array.from({ length: columns }, (_, c) => add({ value: sum(counts.map((row) => row[c])) }))
		: [];
	// The grand total is published when both margins are: it closes the relations of the totals.
	const grand = options.rowTotals && options.columnTotals ? add({ value: sum(counts.flat()) }) : null;
	rowTotal.forEach((total, r) => relations.push(sumRelation(total, grid[r])));
	columnTotal.forEach((total, c) =>
		relations.push(
			sumRelation(
				total,
				grid.map((row) => row[c])
			)
		)
	);
	if (grand !== null) relations.push(sumRelation(grand, rowTotal), sumRelation(grand, columnTotal));
	const out = suppressRelated(cells, relations);
	return {
		cells: grid.map((row) => row.map((i) => out[i])),
		rowTotals: rowTotal.map((i) => out[i]),
		columnTotals: columnTotal.map((i) => out[i]),
		total: grand === null ? null : out[grand]
	};
}

/** One column of counts with its published total (e.g. children looked after per LA and for the region). */
export function suppressColumn(
	counts: (number | null)[],
	options: { known?: (row: number) => boolean } = {}
): { cells: Withheld[]; total: Withheld } {
	const known = options.known;
	const table = suppressTable(
		counts.map((count) => [count]),
		{ columnTotals: true, known: known ? (row) => known(row) : undefined }
	);
	return { cells: table.cells.map((row) => row[0]), total: table.columnTotals[0] };
}

/** Counts of one area's children as the data holds them; null where the area's records are not held. */
export interface AreaCounts {
	children: number | null;
	outsideLa: number | null;
	over20Miles: number | null;
}

export interface AreaFigures {
	childrenLookedAfter: Withheld;
	percentOutsideLa: Withheld;
	percentOver20Miles: Withheld;
}

/**
 * The child figures of a region's summary (per member LA and for the region) as they may leave each LA.
 * Each share splits an LA's children in two (placed outside the LA or not; over 20 miles or not), and
 * the two splits share the LA's total, so both tables are suppressed together until they agree on which
 * totals are withheld. `known(i)`: LA i's own figures, shown in full to its own commissioner.
 */
export function suppressAreaFigures(
	las: AreaCounts[],
	options: { known?: (index: number) => boolean } = {}
): { las: AreaFigures[]; region: AreaFigures } {
	const known = options.known ?? (() => false);
	const split = (part: 'outsideLa' | 'over20Miles') =>
		las.map((la): (number | null)[] =>
			la.children === null || la[part] === null ? [null, null] : [la[part], la.children - la[part]]
		);
	const forced = new Set<number>();
	const run = (part: 'outsideLa' | 'over20Miles') =>
		suppressTable(split(part), {
			rowTotals: true,
			columnTotals: true,
			known: (row) => known(row),
			knownRowTotal: (row) => known(row),
			forceRowTotal: (row) => forced.has(row)
		});
	let outside = run('outsideLa');
	let over20 = run('over20Miles');
	for (;;) {
		const before = forced.size;
		for (const table of [outside, over20]) table.rowTotals.forEach((t, i) => t.suppressed && forced.add(i));
		if (forced.size === before) break;
		outside = run('outsideLa');
		over20 = run('over20Miles');
	}
	const figures = (children: Withheld, outsidePart: Withheld, over20Part: Withheld): AreaFigures => ({
		childrenLookedAfter: children,
		percentOutsideLa: suppressedPercentage(outsidePart, children),
		percentOver20Miles: suppressedPercentage(over20Part, children)
	});
	const knownFigures = (la: AreaCounts): AreaFigures => ({
		childrenLookedAfter: { value: la.children, suppressed: false },
		percentOutsideLa: plainPercentage(la.outsideLa, la.children),
		percentOver20Miles: plainPercentage(la.over20Miles, la.children)
	});
	return {
		las: las.map((la, i) =>
			known(i) ? knownFigures(la) : figures(outside.rowTotals[i], outside.cells[i][0], over20.cells[i][0])
		),
		// Both tables hold the region's total; withheld if either withholds it (more unknowns is only safer).
		// A region without LAs has nothing to withhold: every one of its (no) LAs is the reader's.
		region: las.every((_, i) => known(i))
			? knownFigures(sumCounts(las))
			: figures(
					over20.total!.suppressed ? over20.total! : outside.total!,
					outside.columnTotals[0],
					over20.columnTotals[0]
				)
	};
}

function sumCounts(las: AreaCounts[]): AreaCounts {
	const add = (key: keyof AreaCounts) =>
		las.some((la) => la[key] === null) ? null : las.reduce((total, la) => total + (la[key] ?? 0), 0);
	return { children: add('children'), outsideLa: add('outsideLa'), over20Miles: add('over20Miles') };
}

/** A share (one decimal place) of figures the reader may see in full (their own LA's). */
export function plainPercentage(part: number | null, whole: number | null): Withheld {
	if (part === null || whole === null || whole <= 0) return { value: null, suppressed: false };
	return { value: Math.round((1000 * part) / whole) / 10, suppressed: false };
}
