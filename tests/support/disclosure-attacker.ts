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
	/** Other facts a complete assignment must agree with (e.g. a shown percentage of two figures). */
	checks?: readonly ((figures: readonly number[]) => boolean)[];
}

/** Whether some assignment agreeing with the view gives figure `target` the value `value`. */
export function canTake(view: ReaderView, target: number, value: number, limit: number): boolean {
	const figures = view.shown.map((v) => v);
	if (figures[target] !== null) return figures[target] === value;
	figures[target] = value;
	return search(view, figures, limit);
}

/** The withheld figures whose true value (`truth`) is small and that the view narrows to the small range. */
export function leaks(view: ReaderView, truth: readonly number[], limit: number): number[] {
	const out: number[] = [];
	view.shown.forEach((shown, i) => {
		const value = truth[i];
		if (shown !== null || Math.abs(value) < 1 || Math.abs(value) > 4) return;
		const sign = Math.sign(value);
		const outside = [0];
		for (let v = 5; v <= limit; v++) outside.push(sign * v);
		if (!outside.some((v) => canTake(view, i, v, limit))) out.push(i);
	});
	return out;
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
	const next = figures.findIndex((v) => v === null);
	if (next < 0) {
		const ok = (view.checks ?? []).every((check) => check(figures as number[]));
		undo();
		return ok;
	}
	for (let v = lower(next); v <= limit; v++) {
		figures[next] = v;
		if (search(view, figures, limit)) return (undo(), (figures[next] = null), true);
	}
	figures[next] = null;
	undo();
	return false;
}
