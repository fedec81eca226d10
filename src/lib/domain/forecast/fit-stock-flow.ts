import type { YearFigures } from './types';

/**
 * A stock-and-flow model of the number of children looked after, as children's services demand models
 * are built: each year `entries` children start to be looked after, a share `exitRate` of those looked
 * after on the previous 31 March cease, and `otherNetChange` children are the part of the year's change
 * that DfE's flows do not account for (a child who starts and ceases in the same year counts in both;
 * late returns). So, from one 31 March to the next:
 *
 *     lookedAfter(t) = lookedAfter(t-1) x (1 - exitRate) + entries + otherNetChange
 *
 * Each parameter is the mean over the fitting years' transitions, so a commissioner can check it
 * against the published figures by hand.
 */
export interface StockFlowModel {
	/** Children starting to be looked after per year (mean of the fitting years). */
	entries: number;
	/** Share of the children looked after on 31 March who cease during the next year (mean). */
	exitRate: number;
	/** Children per year not accounted for by the flows (mean of stock change - entries + exits). */
	otherNetChange: number;
	/** The years fitted to, first to last. */
	years: number[];
}

/**
 * Fits the model to consecutive years (at least two, so at least one transition). Null when a figure
 * it needs is missing (withheld by DfE) or the stock is zero.
 */
export function fitStockFlow(years: readonly YearFigures[]): StockFlowModel | null {
	if (years.length < 2) return null;
	const entries: number[] = [];
	const exitRates: number[] = [];
	const other: number[] = [];
	for (let i = 1; i < years.length; i++) {
		const before = years[i - 1];
		const now = years[i];
		if (now.year !== before.year + 1) return null;
		if (before.lookedAfter === null || now.lookedAfter === null || now.starts === null || now.ceased === null)
			return null;
		if (before.lookedAfter <= 0) return null;
		entries.push(now.starts);
		exitRates.push(now.ceased / before.lookedAfter);
		other.push(now.lookedAfter - before.lookedAfter - now.starts + now.ceased);
	}
	return {
		entries: mean(entries),
		exitRate: mean(exitRates),
		otherNetChange: mean(other),
		years: years.map((y) => y.year)
	};
}

/** One year on from `lookedAfter`, never below zero. */
export function stepStockFlow(model: StockFlowModel, lookedAfter: number): number {
	return Math.max(0, lookedAfter * (1 - model.exitRate) + model.entries + model.otherNetChange);
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}
