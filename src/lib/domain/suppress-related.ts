import { solve, type Coefficients, type Constraint } from 'yalps';
import { isSmallCount, SMALL_COUNT_MAX, type Withheld } from './small-count';

/** One figure of a response, as the data holds it. */
export interface RelatedCell {
	/** A whole number; null when the data does not hold it (unknown to everyone: never shown, never chosen). */
	value: number | null;
	/**
	 * The reader knows it already (their own LA's figure, or public data such as Ofsted's places): always
	 * shown, and taken as known when deciding what else must be withheld, so that it cannot be used to work
	 * out anyone else's figure.
	 */
	known?: boolean;
	/** Withheld whatever its value (e.g. a figure another part of the response withholds). */
	withhold?: boolean;
	/** May be negative (a difference such as gained = after - before); otherwise a count, at least 0. */
	signed?: boolean;
	/**
	 * False for a figure whose size is no disclosure in itself: a sum of the reader's own children and
	 * others' whose parts are cells of their own. Never withheld for being small, only to protect others.
	 */
	sensitive?: boolean;
}

/** One term of a relation: the cell's index in the cells given, and its coefficient. */
export type Term = readonly [cell: number, coefficient: number];

/** A linear relation the reader knows: the sum of coefficient x value over its terms is zero. */
export type Relation = readonly Term[];

/** `total` is the sum of `parts`: total - part1 - part2 - ... = 0. */
export function sumRelation(total: number, parts: readonly number[]): Relation {
	return [[total, -1], ...parts.map((part): Term => [part, 1])];
}

/**
 * Primary and secondary suppression of a set of related figures: what one response (an endpoint's
 * answer, a table, a published page) shows at once, with every linear relation between its figures
 * that a reader could use (totals of parts, before and after and their difference, a share's numerator
 * and denominator and its complement).
 *
 * Primary: a figure of 1 to 4 (for a signed figure -4 to -1) that the reader does not know is withheld,
 * and so is every `withhold` figure. Secondary: then, while any withheld small figure is exposed, one
 * more figure tied to it is withheld (the smallest positive figure of a relation it is in, else a zero,
 * else the relation's total; failing those, the nearest such figure through other relations). Exposed
 * means that the values a reader can work out for it from what is shown, what they know and the
 * relations (every withheld or unknown figure being any whole number, at least 0 unless signed) all lie
 * between 1 and 4: the guarantee is that for every withheld small figure a reader can find a consistent
 * assignment in which it is 0 or at least 5 (for a negative one, 0 or at most -5), so it is never
 * determined, nor narrowed to the small range, by arithmetic. Checked exactly, as an integer programme
 * over the withheld figures (yalps), not cell by cell. A figure that the known figures alone determine
 * is shown: the reader has it already.
 *
 * What it does not hide: that a figure is withheld at all says that it, or a figure tied to it, is
 * small, as every "<5" does. Percentages are not cells: show one only when its numerator and
 * denominator are both shown (`suppressedPercentage`), so it adds nothing a reader could solve with.
 *
 * @returns one entry per cell, in order: `{ value, suppressed: false }` shown (value null when the data
 * does not hold it), `{ value: null, suppressed: true }` withheld.
 */
export function suppressRelated(cells: readonly RelatedCell[], relations: readonly Relation[]): Withheld[] {
	for (const [i, cell] of cells.entries()) {
		const { value } = cell;
		if (value !== null && !(Number.isInteger(value) && (cell.signed || value >= 0))) {
			throw new Error(
				`suppressRelated: cell ${i} must be a whole number${cell.signed ? '' : ' of at least 0'}, not ${value}`
			);
		}
	}
	for (const [r, relation] of relations.entries()) {
		for (const [cell, coefficient] of relation) {
			if (!(Number.isInteger(cell) && cell >= 0 && cell < cells.length) || !Number.isFinite(coefficient)) {
				throw new Error(
					`suppressRelated: relation ${r} refers to cell ${cell} with coefficient ${coefficient}`
				);
			}
		}
		const values = relation.map(([cell, coefficient]) => [cells[cell].value, coefficient] as const);
		if (values.every(([value]) => value !== null) && values.reduce((sum, [v, c]) => sum + v! * c, 0) !== 0) {
			throw new Error(`suppressRelated: relation ${r} does not hold for the values given`);
		}
	}
	const given = cells.map((cell) => cell.known === true && cell.value !== null);
	// What the known figures alone determine, the reader has already: shown, and known from then on.
	const fromKnown = determined(relations, (i) => !given[i]);
	const isKnown = (i: number) => cells[i].value !== null && (given[i] || fromKnown.has(i));
	const hidden = cells.map(
		(cell, i) =>
			!isKnown(i) &&
			cell.value !== null &&
			(cell.withhold === true || (cell.sensitive !== false && isSmallCount(cell.value)))
	);
	const unknown = (i: number) => hidden[i] || cells[i].value === null;
	const byCell = cells.map((): number[] => []);
	relations.forEach((relation, r) => relation.forEach(([cell]) => byCell[cell].push(r)));
	const canWithhold = (i: number) => !unknown(i) && !isKnown(i);

	// Withholding more only widens what a reader could find, so a figure once safe stays safe, and one
	// pass suffices: what secondary suppression withholds is never small itself (small ones are withheld
	// already). A figure no further withholding can protect (the known figures pin it) stays withheld.
	const primary = [...hidden];
	for (let i = 0; i < cells.length; i++) {
		if (!primary[i]) continue;
		while (!protectedFigure(cells, relations, unknown, i)) {
			const pick = complement(cells, relations, byCell, i, canWithhold);
			if (pick === undefined) break;
			hidden[pick] = true;
		}
	}
	// A figure withheld for the others' sake that the rest still determines exactly protects nothing:
	// shown. Each is the same in every assignment a reader could find, so showing them all at once
	// changes nothing they could find.
	const fixed = determined(relations, unknown);
	const pointless = cells.map((_, i) => hidden[i] && !primary[i] && fixed.has(i));
	return cells.map((cell, i) =>
		hidden[i] && !pointless[i] ? { value: null, suppressed: true } : { value: cell.value, suppressed: false }
	);
}

/**
 * Whether a reader could take withheld cell `target` to be something a small-number rule would not hide:
 * 0 or beyond the small range (>= 5; <= -5 for a negative figure). A figure withheld for another
 * reason only needs not to be determined: it could be one more or one less. One integer feasibility
 * problem each way.
 */
function protectedFigure(
	cells: readonly RelatedCell[],
	relations: readonly Relation[],
	unknown: (i: number) => boolean,
	target: number
): boolean {
	return ways(cells[target].value!, true).some((pin) => feasible(cells, relations, unknown, target, pin));
}

/** The bounds a figure of `value` must be able to cross: out of the small range, or just off itself. */
function ways(value: number, small: boolean): Constraint[] {
	if (!small || !isSmallCount(value)) return [{ max: value - 1 }, { min: value + 1 }];
	return value > 0 ? [{ max: 0 }, { min: SMALL_COUNT_MAX + 1 }] : [{ min: 0 }, { max: -SMALL_COUNT_MAX - 1 }];
}

function feasible(
	cells: readonly RelatedCell[],
	relations: readonly Relation[],
	unknown: (i: number) => boolean,
	target: number,
	pin: Constraint
): boolean {
	const constraints = new Map<string, Constraint>([['pin', pin]]);
	const variables = new Map<string, Map<string, number>>();
	const variable = (key: string) => {
		let coefficients = variables.get(key);
		if (!coefficients) variables.set(key, (coefficients = new Map()));
		return coefficients;
	};
	variable(`+${target}`).set('pin', 1);
	if (cells[target].signed) variable(`-${target}`).set('pin', -1);
	relations.forEach((relation, r) => {
		let rhs = 0;
		let open = false;
		for (const [cell, coefficient] of relation) {
			if (!unknown(cell)) {
				rhs -= coefficient * cells[cell].value!;
				continue;
			}
			open = true;
			// Solver variables are at least 0: a signed figure is the difference of two.
			const plus = variable(`+${cell}`);
			plus.set(`r${r}`, (plus.get(`r${r}`) ?? 0) + coefficient);
			if (cells[cell].signed) {
				const minus = variable(`-${cell}`);
				minus.set(`r${r}`, (minus.get(`r${r}`) ?? 0) - coefficient);
			}
		}
		if (open) constraints.set(`r${r}`, { equal: rhs });
		else if (rhs !== 0) throw new Error(`suppressRelated: relation ${r} does not hold for the values given`);
	});
	const model = {
		constraints,
		variables: [...variables].map(([key, coefficients]): [string, Coefficients] => [key, coefficients])
	};
	// The relaxation first: no real solution, no whole one; a whole one found is one. Only a fractional
	// answer needs the slower integer search.
	const relaxed = solve(model);
	if (relaxed.status !== 'optimal') return false;
	if (relaxed.variables.every(([, value]) => Math.abs(value - Math.round(value)) < 1e-9)) return true;
	// Anything but a solution found counts as not feasible: withholding more is the safe side.
	return solve({ ...model, integers: true }, { maxIterations: 4096 }).status === 'optimal';
}

/**
 * The figure to withhold next for exposed cell `target`: from the relations it is in, the smallest
 * positive candidate that is not a relation's total, else a zero, else a total; when they have none,
 * the same from relations one step further (through other withheld figures), and so on.
 */
function complement(
	cells: readonly RelatedCell[],
	relations: readonly Relation[],
	byCell: readonly number[][],
	target: number,
	candidate: (i: number) => boolean
): number | undefined {
	const seenRelations = new Set<number>();
	const seenCells = new Set([target]);
	let frontier = [target];
	while (frontier.length > 0) {
		const next: number[] = [];
		let best: { cell: number; rank: number } | undefined;
		for (const cell of frontier) {
			for (const r of byCell[cell]) {
				if (seenRelations.has(r)) continue;
				seenRelations.add(r);
				const relation = relations[r];
				for (const [other, coefficient] of relation) {
					if (seenCells.has(other)) continue;
					seenCells.add(other);
					next.push(other);
					if (!candidate(other)) continue;
					const value = Math.abs(cells[other].value!);
					// A total is the one term whose coefficient's sign no other term shares.
					const total = relation.filter(([, c]) => Math.sign(c) === Math.sign(coefficient)).length === 1;
					const rank = total ? 2e9 + value : value > 0 ? value : 1e9;
					if (!best || rank < best.rank || (rank === best.rank && other < best.cell))
						best = { cell: other, rank };
				}
			}
		}
		if (best) return best.cell;
		frontier = next;
	}
	return undefined;
}

/**
 * The unknown cells (those `open`) that the relations determine exactly, by Gauss-Jordan elimination
 * over them: an unknown is determined when its pivot row holds no other unknown.
 */
function determined(relations: readonly Relation[], open: (i: number) => boolean): Set<number> {
	const variables = [
		...new Set(relations.flatMap((relation) => relation.map(([cell]) => cell).filter(open)))
	];
	const column = new Map(variables.map((cell, i) => [cell, i]));
	const matrix = relations
		.map((relation) => {
			const row = new Array<number>(variables.length).fill(0);
			for (const [cell, coefficient] of relation) {
				if (column.has(cell)) row[column.get(cell)!] += coefficient;
			}
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
	return new Set(
		pivots
			.filter((c, row) => matrix[row].every((x, j) => j === c || Math.abs(x) < 1e-9))
			.map((c) => variables[c])
	);
}
