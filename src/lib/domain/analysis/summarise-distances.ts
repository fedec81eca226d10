import type { AnalysisContext } from './analysis-context';
import { DISTANCE_BANDS } from './distance-band';
import type { DistanceBand, DistanceSummaries, DistanceSummary, SuppressCount } from './types';

export interface SummariseOptions {
	/**
	 * Withholds small counts (pass the app's suppression rule). A withheld count is null, and so is any
	 * percentage whose numerator or denominator is withheld, or whose complement is (it would reveal it).
	 * Without it the raw counts come back and the caller suppresses.
	 */
	suppress?: SuppressCount;
}

const FIELDS = 4 + DISTANCE_BANDS.length;
const CHILDREN = 0;
const KNOWN = 1;
const OVER = 2;
const OUTSIDE_LA = 3;
// Outside-RCC counts need their own denominator: children whose LA belongs to an RCC.
const BANDS = 4;

/** Counts and percentages per LA (of the child's home LA), per RCC and for England. */
export function summariseDistances(
	context: AnalysisContext,
	options: SummariseOptions = {}
): DistanceSummaries {
	const { children, laCodes, rccMembers, input } = context;
	const laCounts = new Float64Array(laCodes.length * FIELDS);
	const laRcc = new Float64Array(laCodes.length * 2); // [known with an RCC, outside it]
	for (let c = 0; c < children.count; c++) {
		const base = children.laIndex[c] * FIELDS;
		laCounts[base + CHILDREN]++;
		if (Number.isNaN(children.miles[c])) continue;
		laCounts[base + KNOWN]++;
		if (children.miles[c] > context.thresholdMiles) laCounts[base + OVER]++;
		if (children.insideLa[c] === 0) laCounts[base + OUTSIDE_LA]++;
		laCounts[base + BANDS + children.band[c]]++;
		if (children.insideRcc[c] !== -1) {
			laRcc[children.laIndex[c] * 2]++;
			if (children.insideRcc[c] === 0) laRcc[children.laIndex[c] * 2 + 1]++;
		}
	}

	const summarise = (code: string, las: Iterable<number>): DistanceSummary => {
		const counts = new Float64Array(FIELDS);
		let withRcc = 0;
		let outsideRcc = 0;
		for (const la of las) {
			for (let f = 0; f < FIELDS; f++) counts[f] += laCounts[la * FIELDS + f];
			withRcc += laRcc[la * 2];
			outsideRcc += laRcc[la * 2 + 1];
		}
		return toSummary(code, counts, withRcc, outsideRcc, options.suppress);
	};

	const las = laCodes
		.map((code, la) => ({ code, la }))
		.filter(({ la }) => laCounts[la * FIELDS + CHILDREN] > 0)
		.map(({ code, la }) => summarise(code, [la]));
	const rccs = input.rccs.map((rcc, index) => summarise(rcc.id, new Set(rccMembers[index])));
	const england = summarise(
		'england',
		laCodes.map((_, la) => la)
	);
	return { las, rccs, england };
}

function toSummary(
	code: string,
	counts: Float64Array,
	withRcc: number,
	outsideRcc: number,
	suppress: SuppressCount | undefined
): DistanceSummary {
	const hidden = (count: number) => (suppress ? suppress(count) : false);
	const shown = (count: number) => (hidden(count) ? null : count);
	const percent = (part: number, whole: number) => {
		if (whole === 0) return null;
		if (hidden(part) || hidden(whole) || hidden(whole - part)) return null;
		return (100 * part) / whole;
	};
	const known = counts[KNOWN];
	const bands = {} as Record<DistanceBand, number | null>;
	DISTANCE_BANDS.forEach((band, i) => (bands[band] = shown(counts[BANDS + i])));
	return {
		code,
		children: shown(counts[CHILDREN]),
		withPlacementLocation: shown(known),
		over20Miles: shown(counts[OVER]),
		outsideLa: shown(counts[OUTSIDE_LA]),
		outsideRcc: withRcc ? shown(outsideRcc) : null,
		bands,
		percentOver20Miles: percent(counts[OVER], known),
		percentOutsideLa: percent(counts[OUTSIDE_LA], known),
		percentOutsideRcc: percent(outsideRcc, withRcc)
	};
}
