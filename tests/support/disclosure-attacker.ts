/**
 * An attacker that shares no code with the suppression it attacks: given what a response shows and the
 * arithmetic a reader knows ties its figures together, it searches the whole numbers for assignments to
 * the withheld figures that agree with everything shown, by plain depth-first enumeration. A withheld
 * figure whose true value is 1 to 4 leaks when every agreeing assignment puts it between 1 and 4 (for a
 * negative one, between -4 and -1): the reader has then narrowed a small number down by arithmetic.
 *
 * A figure no relation forces is tried from its lower bound up to `limit`, so the search may miss
 * assignments beyond it: that makes it report more leaks, never fewer.
 */

export interface ReaderView {
	/** Every figure: its shown value, or null when withheld (or not held). */
	shown: readonly (number | null)[];
	/** Figures that may be negative (differences); the others are counts, at least 0. */
	signed?: readonly boolean[];
	/** What the reader knows: for each relation, the sum of coefficient x figure is 0. */
	relations: readonly (readonly (readonly [figure: number, coefficient: number])[])[];
	/** Shown percentages (to one decimal place) of one figure in another. */
	percentages?: readonly { part: number; whole: number; percent: number }[];
	/** Other facts a complete assignment must agree with. */
	checks?: readonly ((figures: readonly number[]) => boolean)[];
}

/** Whether `part` of `whole` shows as `percent` when rounded to one decimal place. */
function showsAs(part: number, whole: number, percent: number): boolean {
	return whole > 0 && Math.abs((100 * part) / whole - percent) <= 0.05 + 1e-9;
}

/** The wholes of a known part (at least 1) that show as `percent`. */
function wholesShowingAs(part: number, percent: number): number[] {
	const out: number[] = [];
	const most = percent > 0.05 ? Math.floor((100 * part) / (percent - 0.05)) : part * 2001;
	for (let whole = part; whole <= most; whole++) if (showsAs(part, whole, percent)) out.push(whole);
	return out;
}

/** The parts of a known whole that show as `percent`. */
function partsShowingAs(whole: number, percent: number): number[] {
	const out: number[] = [];
	for (let part = 0; part <= whole; part++) if (showsAs(part, whole, percent)) out.push(part);
	return out;
}

/** Whether some assignment agreeing with the view gives figure `target` the value `value`. */
export function canTake(view: ReaderView, target: number, value: number, limit: number): boolean {
	const figures = view.shown.map((v) => v);
	if (figures[target] !== null) return figures[target] === value;
	figures[target] = value;
	return search(view, figures, limit);
}

/**
 * The withheld figures whose true value (`truth`) is small and that the view narrows to the small range,
 * leaving out those the reader's own knowledge (`known`: the figures they hold, else null) narrows on
 * its own: those they have whatever is published.
 */
export function leaks(
	view: ReaderView,
	truth: readonly number[],
	limit: number,
	known?: readonly (number | null)[]
): number[] {
	const narrowed = (seen: ReaderView, i: number) => {
		const sign = Math.sign(truth[i]);
		const outside = [0];
		for (let v = 5; v <= limit; v++) outside.push(sign * v);
		return !outside.some((v) => canTake(seen, i, v, limit));
	};
	return view.shown.flatMap((shown, i) => {
		if (shown !== null || Math.abs(truth[i]) < 1 || Math.abs(truth[i]) > 4 || !narrowed(view, i)) return [];
		return known && narrowed({ ...view, shown: known, percentages: [] }, i) ? [] : [i];
	});
}

function search(view: ReaderView, figures: (number | null)[], limit: number): boolean {
	const lower = (i: number) => (view.signed?.[i] ? -limit : 0);
	// Fill in every figure a relation forces, checking each relation whose figures are all known.
	const assigned: number[] = [];
	const undo = () => {
		for (const i of assigned) figures[i] = null;
	};
	for (let progress = true; progress;) {
		progress = false;
		for (const relation of view.relations) {
			const open = relation.filter(([i]) => figures[i] === null);
			const rest = relation.reduce((sum, [i, c]) => (figures[i] === null ? sum : sum + c * figures[i]!), 0);
			if (open.length === 0) {
				if (Math.abs(rest) > 1e-9) return (undo(), false);
			} else if (open.length === 1) {
				const [i, c] = open[0];
				const forced = -rest / c;
				if (!Number.isInteger(forced) || forced < lower(i)) return (undo(), false);
				figures[i] = forced;
				assigned.push(i);
				progress = true;
			}
		}
	}
	let choices: number[] | null = null;
	let next = -1;
	for (const { part, whole, percent } of view.percentages ?? []) {
		const [p, w] = [figures[part], figures[whole]];
		if (w !== null && p !== null) {
			if (!showsAs(p, w, percent)) return (undo(), false);
		} else if (choices === null && w !== null) {
			// A shown percentage of a known whole leaves a few parts: try only those.
			[choices, next] = [partsShowingAs(w, percent), part];
		} else if (choices === null && p !== null && p > 0) {
			// And of a known part, a few wholes.
			[choices, next] = [wholesShowingAs(p, percent), whole];
		}
	}
	if (next < 0) next = figures.findIndex((v) => v === null);
	if (next < 0) {
		const all = figures as number[];
		const ok =
			(view.percentages ?? []).every((p) => showsAs(all[p.part], all[p.whole], p.percent)) &&
			(view.checks ?? []).every((check) => check(all));
		undo();
		return ok;
	}
	for (const v of choices ?? range(lower(next), limit)) {
		figures[next] = v;
		if (search(view, figures, limit)) return (undo(), (figures[next] = null), true);
	}
	figures[next] = null;
	undo();
	return false;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
