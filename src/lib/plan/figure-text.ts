import type { AreaSummary, Compared, RccSummary } from '../domain/types';

/** Figures of the RCC summary (GET /api/rccs/:id/summary) that a plan can quote live. */
export const FIGURE_METRICS = {
	percentOver20Miles: {
		label: 'children placed over 20 miles from home',
		percent: true,
		source: 'Children looked after'
	},
	percentOutsideLa: {
		label: 'children placed outside their home LA',
		percent: true,
		source: 'Children looked after'
	},
	childrenLookedAfter: { label: 'children looked after', percent: false, source: 'Children looked after' },
	homes: { label: "children's homes", percent: false, source: 'provider' },
	places: { label: "places in children's homes", percent: false, source: 'provider' },
	vacancies: { label: "vacancies in children's homes", percent: false, source: 'provider' },
	fosteringPlaces: { label: 'fostering places', percent: false, source: 'Fostering' }
} as const satisfies Record<string, { label: string; percent: boolean; source: string }>;

export type FigureMetric = keyof typeof FIGURE_METRICS;

export function isFigureMetric(value: unknown): value is FigureMetric {
	return typeof value === 'string' && Object.hasOwn(FIGURE_METRICS, value);
}

/** Where a figure comes from: a member LA by ONS code, or 'region' for the RCC as a whole. */
export interface FigureRef {
	area: string;
	metric: FigureMetric;
}

/** A figure as shown in the text and frozen into a published version. */
export interface FigureValue extends FigureRef {
	text: string;
	/** null when withheld (small-number suppression) or not available. */
	value: number | null;
	suppressed: boolean;
	areaName: string;
}

function areaOf(summary: RccSummary, area: string): AreaSummary | undefined {
	return area === 'region' ? summary.region : summary.las.find((la) => la.code === area);
}

/** A figure as text: withheld ones read as withheld, never as a number. */
export function shownFigure(figure: Compared, percent: boolean): string {
	if (figure.suppressed) return percent ? 'a withheld share' : 'fewer than 5';
	const value = figure.computed ?? figure.published;
	if (value === null) return 'no figure';
	return percent ? `${Math.round(value)}%` : Math.round(value).toLocaleString('en-GB');
}

/**
 * "Kent: 31% of children placed over 20 miles from home", from the summary as the server suppressed it
 * (suppression.ts via rccSummary): a withheld figure reads as withheld, never as a number.
 */
export function figureValue(summary: RccSummary, ref: FigureRef): FigureValue {
	const metric = FIGURE_METRICS[ref.metric];
	const area = areaOf(summary, ref.area);
	if (!area) {
		return {
			...ref,
			text: `${ref.area}: not a member of this RCC`,
			value: null,
			suppressed: false,
			areaName: ref.area
		};
	}
	const figure = area[ref.metric];
	const suppressed = figure.suppressed === true;
	const value = suppressed ? null : (figure.computed ?? figure.published);
	const areaName = ref.area === 'region' ? summary.rcc.name : area.name;
	const rounded = value === null ? null : Math.round(value);
	return {
		...ref,
		text: `${areaName}: ${shownFigure(figure, metric.percent)} ${metric.percent ? 'of ' : ''}${metric.label}`,
		value: rounded,
		suppressed,
		areaName
	};
}

/**
 * The attribution a figure comes from, among the summary's sources (each "Publisher: title, year. Licence"):
 * `short` is the publisher and year ("Department for Education 2025"), `full` the whole attribution.
 */
export function figureSource(
	sources: string[],
	metric: FigureMetric
): { short: string; full: string } | null {
	const keyword = FIGURE_METRICS[metric].source.toLowerCase();
	const full = sources.find((source) => source.toLowerCase().includes(keyword));
	if (!full) return null;
	const publisher = full.split(/[:,]/)[0].trim();
	const years = full.match(/\b20\d\d(-\d\d)?\b/g);
	return { short: years ? `${publisher} ${years[years.length - 1]}` : publisher, full };
}
