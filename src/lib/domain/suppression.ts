/**
 * Small-number suppression, implemented once (DESIGN.md "Privacy and access"). Any count of children that
 * leaves the owning LA is withheld when it is between 1 and 4 ("primary" suppression), and so is any
 * other figure that would let a reader work it out: a total minus the cells shown, a difference between
 * a total and a part, a percentage of a shown denominator ("secondary" suppression). Zero is not
 * suppressed: it identifies nobody. Figures are withheld as `value: null, suppressed: true`; the UI shows
 * them as "<5" (src/lib/components/Suppressed.svelte).
 */

import { isSmallCount, type Withheld } from './small-count';

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

interface Slot {
	value: number | null;
	suppressed: boolean;
	known: boolean;
}

/**
 * Primary and secondary suppression of a table of counts with published totals. Each published total
 * and its cells form an equation; when exactly one member of an equation is withheld, a reader can solve
 * for it, so another member is withheld too: the smallest positive cell (least information lost), else a
 * zero cell, else the total itself. Repeated until no equation has a single unknown, and then until no
 * combination of equations determines a withheld cell (checked by elimination). Unknown (null) cells
 * count as unknowns of their equations and are never chosen.
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
	const slot = (value: number | null, known: boolean, forced = false): Slot => ({
		value,
		known,
		suppressed: !known && value !== null && (forced || isSmallCount(value))
	});

	const grid: Slot[][] = counts.map((row, r) =>
		row.map((value, c) => slot(value, options.known?.(r, c) ?? false))
	);
	const rowTotal: Slot[] = options.rowTotals
		? counts.map((row, r) => slot(sum(row), options.knownRowTotal?.(r) ?? false, options.forceRowTotal?.(r)))
		: [];
	const columnTotal: Slot[] = options.columnTotals
		? Array.from({ length: columns }, (_, c) => slot(sum(counts.map((row) => row[c])), false))
		: [];
	// The grand total is published when both margins are: it closes the equations of the totals.
	const grand: Slot | null =
		options.rowTotals && options.columnTotals ? slot(sum(counts.flat()), false) : null;
	// A total of figures the reader knows is known to them as well.
	const knowAll = (total: Slot, members: Slot[]) => {
		if (members.length > 0 && members.every((m) => m.known))
			Object.assign(total, { known: true, suppressed: false });
	};
	rowTotal.forEach((total, r) => knowAll(total, grid[r]));
	columnTotal.forEach((total, c) =>
		knowAll(
			total,
			grid.map((row) => row[c])
		)
	);
	if (grand) knowAll(grand, rowTotal);

	// The equations: members, then the total they add up to.
	const equations: Slot[][] = [];
	if (options.rowTotals) counts.forEach((_, r) => equations.push([...grid[r], rowTotal[r]]));
	if (options.columnTotals) {
		for (let c = 0; c < columns; c++) equations.push([...grid.map((row) => row[c]), columnTotal[c]]);
	}
	if (grand) {
		equations.push([...rowTotal, grand]);
		equations.push([...columnTotal, grand]);
	}

	const unknown = (s: Slot) => s.suppressed || s.value === null;
	/** Withholds one more member of the equation; false when none can be. */
	const widen = (equation: Slot[]): boolean => {
		// The last member is the equation's total: withheld only when no member can be.
		const members = equation.slice(0, -1).filter((s) => !unknown(s) && !s.known);
		const total = equation[equation.length - 1];
		const pick =
			pickSmallest(members.filter((s) => (s.value ?? 0) > 0)) ??
			members[0] ??
			(!unknown(total) && !total.known ? total : undefined);
		if (pick) pick.suppressed = true;
		return pick !== undefined;
	};
	for (;;) {
		// Cheap first: an equation with a single unknown.
		for (let changed = true; changed;) {
			changed = false;
			for (const equation of equations) {
				if (equation.filter(unknown).length === 1 && widen(equation)) changed = true;
			}
		}
		// Then the equations together: a withheld cell may still follow from a combination of them.
		const exposed = solvable(equations, unknown).filter((s) => s.suppressed);
		const widened = exposed.some((s) =>
			equations.some((equation) => equation.includes(s) && widen(equation))
		);
		if (!widened) break; // Nothing exposed, or only what the reader knows already.
	}

	const out = (s: Slot): Withheld =>
		s.suppressed ? { value: null, suppressed: true } : { value: s.value, suppressed: false };
	return {
		cells: grid.map((row) => row.map(out)),
		rowTotals: rowTotal.map(out),
		columnTotals: columnTotal.map(out),
		total: grand ? out(grand) : null
	};
}

/**
 * The unknowns that the equations determine exactly: Gauss-Jordan elimination over the unknowns (members
 * +1, total -1); an unknown is determined when its pivot row holds no other unknown.
 */
function solvable(equations: Slot[][], unknown: (s: Slot) => boolean): Slot[] {
	const variables = [...new Set(equations.flat().filter(unknown))];
	const column = new Map(variables.map((s, i) => [s, i]));
	const matrix = equations
		.map((equation) => {
			const row = new Array<number>(variables.length).fill(0);
			equation.forEach((s, i) => {
				if (column.has(s)) row[column.get(s)!] += i === equation.length - 1 ? -1 : 1;
			});
			return row;
		})
		.filter((row) => row.some((x) => x !== 0));
	const pivots: number[] = [];
	let r = 0;
	for (let c = 0; c < variables.length && r < matrix.length; c++) {
		const p = matrix.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
		if (p < 0) continue;
		[matrix[r], matrix[p]] = [matrix[p], matrix[r]];
		const lead = matrix[r][c];
		for (let j = 0; j < variables.length; j++) matrix[r][j] /= lead;
		for (let i = 0; i < matrix.length; i++) {
			if (i === r || Math.abs(matrix[i][c]) < 1e-9) continue;
			const f = matrix[i][c];
			for (let j = 0; j < variables.length; j++) matrix[i][j] -= f * matrix[r][j];
		}
		pivots.push(c);
		r++;
	}
	return pivots
		.filter((c, row) => matrix[row].every((x, j) => j === c || Math.abs(x) < 1e-9))
		.map((c) => variables[c]);
}

function pickSmallest(slots: Slot[]): Slot | undefined {
	let best: Slot | undefined;
	for (const s of slots) if (!best || (s.value ?? 0) < (best.value ?? 0)) best = s;
	return best;
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
		region:
			las.length > 0 && las.every((_, i) => known(i))
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

function plainPercentage(part: number | null, whole: number | null): Withheld {
	if (part === null || whole === null || whole <= 0) return { value: null, suppressed: false };
	return { value: Math.round((1000 * part) / whole) / 10, suppressed: false };
}
