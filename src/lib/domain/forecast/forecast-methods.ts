import { fitStockFlow, stepStockFlow, type StockFlowModel } from './fit-stock-flow';
import type { YearFigures } from './types';

/**
 * The two ways of forecasting a series: the stock-and-flow model, and the naive forecast "next year
 * equals this year" that the model has to beat in the backtest to be used.
 */
export const FORECAST_METHODS = ['stock-and-flow', 'naive'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface FittedMethod {
	method: ForecastMethod;
	/** The stock-and-flow parameters (absent for the naive forecast). */
	model?: StockFlowModel;
	/** Next 31 March's children looked after from this one's. */
	step(lookedAfter: number): number;
}

/** Fits a method to consecutive years; null when the years lack what it needs. */
export function fitMethod(method: ForecastMethod, years: readonly YearFigures[]): FittedMethod | null {
	if (method === 'naive') {
		if (years.length === 0 || years.at(-1)!.lookedAfter === null) return null;
		return { method, step: (lookedAfter) => lookedAfter };
	}
	const model = fitStockFlow(years);
	return model && { method, model, step: (lookedAfter) => stepStockFlow(model, lookedAfter) };
}

/**
 * One-step relative prediction errors, actual / predicted - 1: for each year, the method fitted to the
 * years before it only (an expanding window, so every error is out of sample, as the forecast's will
 * be) predicts it from the year before. The bootstrap draws from these, pooled over many areas, to
 * draw the uncertainty band. In-sample residuals would be smaller than the errors the forecast makes.
 */
export function relativeResiduals(method: ForecastMethod, years: readonly YearFigures[]): number[] {
	const residuals: number[] = [];
	for (let i = 1; i < years.length; i++) {
		const fitted = fitMethod(method, years.slice(0, i));
		const before = years[i - 1].lookedAfter;
		const actual = years[i].lookedAfter;
		if (!fitted || before === null || actual === null) continue;
		const predicted = fitted.step(before);
		if (predicted > 0) residuals.push(actual / predicted - 1);
	}
	return residuals;
}

/** Every area's residuals for this method fitted to the years up to `lastYear`, pooled. */
export function residualPool(
	series: readonly { years: readonly YearFigures[] }[],
	method: ForecastMethod,
	lastYear: number
): number[] {
	return series.flatMap((area) => {
		const years = area.years.filter((y) => y.year <= lastYear);
		return relativeResiduals(method, years);
	});
}
