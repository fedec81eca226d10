import type { AreaSummary, Compared, RccSummary } from '../domain/types';

/** Figures of the RCC summary (GET /api/rccs/:id/summary) that a plan can quote live. */
export const FIGURE_METRICS = {
	percentOver20Miles: { label: 'children placed over 20 miles from home', percent: true },
	percentOutsideLa: { label: 'children placed outside their home LA', percent: true },
	childrenLookedAfter: { label: 'children looked after', percent: false },
	homes: { label: "children's homes", percent: false },
	places: { label: "places in children's homes", percent: false },
	vacancies: { label: "vacancies in children's homes", percent: false },
	fosteringPlaces: { label: 'fostering places', percent: false }
} as const satisfies Record<string, { label: string; percent: boolean }>;

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

function shown(figure: Compared, percent: boolean): string {
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
		text: `${areaName}: ${shown(figure, metric.percent)} ${metric.percent ? 'of ' : ''}${metric.label}`,
		value: rounded,
		suppressed,
		areaName
	};
}
