import { DISTANCE_BANDS, type DistanceBand, type DistanceSummary } from '$lib/domain/analysis';
import { percent } from '$lib/domain/summary';
import type { AreaSummary, Compared } from '$lib/domain/types';

export interface BandRow {
	band: DistanceBand;
	label: string;
	children: number;
	/** Of all the LA's children looked after, one decimal place. */
	percent: number | null;
}

export interface CountRow {
	key: 'over20Miles' | 'outsideLa' | 'outsideRcc';
	label: string;
	children: number;
	/** The share of all children looked after beside DfE's published one (null where DfE has none). */
	percent: Compared;
}

export interface DistanceFigures {
	/** Children looked after, beside DfE's count. */
	children: Compared;
	/** Children whose placement location is not known: in no band and no count below. */
	placementUnknown: number;
	bands: BandRow[];
	over20Miles: CountRow;
	outsideLa: CountRow;
	outsideRcc: CountRow;
}

const BAND_LABELS: Record<DistanceBand, string> = {
	'0-5': '0 to 5 miles',
	'5-10': '5 to 10 miles',
	'10-20': '10 to 20 miles',
	'20-50': '20 to 50 miles',
	'over 50': 'Over 50 miles'
};

/**
 * One LA's distance summary (computed in the worker, unsuppressed: the commissioner's own LA) as the
 * panel shows it, next to the DfE figures the summary API carries. Shares are of all children looked
 * after, as DfE's are (a placement not known counts as neither near nor far), rounded as the summary
 * rounds its own, so the two read alike.
 */
export function distanceFigures(own: DistanceSummary, published: AreaSummary | undefined): DistanceFigures {
	const children = own.children ?? 0;
	const share = (count: number | null) => percent(count ?? 0, children);
	const row = (
		key: CountRow['key'],
		label: string,
		count: number | null,
		dfe: number | null = null
	): CountRow => ({
		key,
		label,
		children: count ?? 0,
		percent: { computed: share(count), published: dfe }
	});
	return {
		children: { computed: children, published: published?.childrenLookedAfter.published ?? null },
		placementUnknown: children - (own.withPlacementLocation ?? 0),
		bands: DISTANCE_BANDS.map((band) => ({
			band,
			label: BAND_LABELS[band],
			children: own.bands[band] ?? 0,
			percent: share(own.bands[band])
		})),
		over20Miles: row(
			'over20Miles',
			'Placed over 20 miles from home',
			own.over20Miles,
			published?.percentOver20Miles.published ?? null
		),
		outsideLa: row(
			'outsideLa',
			'Placed outside the LA',
			own.outsideLa,
			published?.percentOutsideLa.published ?? null
		),
		outsideRcc: row('outsideRcc', 'Placed outside the RCC', own.outsideRcc)
	};
}
