import { bootstrapBand, type BandOptions } from './bootstrap-band';
import { fitMethod, type ForecastMethod } from './forecast-methods';
import type { YearFigures } from './types';

/** The backtest of the issue: fit on 2021-2023, predict 2024 and 2025. */
export const BACKTEST_FIT_LAST_YEAR = 2023;
export const BACKTEST_YEARS = [2024, 2025] as const;

export interface BacktestYear {
	year: number;
	/** Children looked after on 31 March as DfE published it. */
	actual: number | null;
	/** The stock-and-flow model's prediction (fitted to the fitting years only), and its band. */
	model: number | null;
	modelLower: number | null;
	modelUpper: number | null;
	/** The naive prediction: the last fitting year's figure. */
	naive: number | null;
	/** Absolute percentage errors, |prediction - actual| / actual x 100. */
	modelError: number | null;
	naiveError: number | null;
}

export interface Backtest {
	fitYears: number[];
	years: BacktestYear[];
	/** Mean absolute percentage errors over the backtest years (null when none could be scored). */
	modelMape: number | null;
	naiveMape: number | null;
	/** The model's error is strictly below the naive one's: only then is it the default. */
	modelBeatsNaive: boolean;
}

export interface BacktestOptions {
	/** Pooled residuals of each method fitted to the fitting years (forecast-methods.ts residualPool). */
	pools: Record<ForecastMethod, readonly number[]>;
	seed: string;
	draws?: BandOptions['draws'];
	level?: BandOptions['level'];
}

/** Fits both methods to the years up to 2023 and scores their predictions of 2024 and 2025. */
export function backtest(years: readonly YearFigures[], options: BacktestOptions): Backtest {
	// An LA created after 2021 (e.g. North Northamptonshire) is fitted from its first year.
	const fitting = years.filter((y) => y.year <= BACKTEST_FIT_LAST_YEAR);
	while (fitting.length > 0 && fitting[0].lookedAfter === null) fitting.shift();
	const start = fitting.at(-1)?.lookedAfter ?? null;
	const horizon = BACKTEST_YEARS.length;
	const predictions = (method: ForecastMethod): number[] | null => {
		const fitted = fitMethod(method, fitting);
		if (!fitted || start === null) return null;
		const path: number[] = [];
		let value = start;
		for (let h = 0; h < horizon; h++) path.push((value = fitted.step(value)));
		return path;
	};
	const model = predictions('stock-and-flow');
	const naive = predictions('naive');
	const fittedModel = fitMethod('stock-and-flow', fitting);
	const band =
		fittedModel && start !== null
			? bootstrapBand(start, fittedModel.step, options.pools['stock-and-flow'], {
					horizon,
					seed: `${options.seed}:backtest`,
					draws: options.draws,
					level: options.level
				})
			: null;
	const scored = BACKTEST_YEARS.map((year, h): BacktestYear => {
		const actual = years.find((y) => y.year === year)?.lookedAfter ?? null;
		const m = model?.[h] ?? null;
		const n = naive?.[h] ?? null;
		return {
			year,
			actual,
			model: m,
			modelLower: band?.[h].lower ?? null,
			modelUpper: band?.[h].upper ?? null,
			naive: n,
			modelError: absolutePercentageError(m, actual),
			naiveError: absolutePercentageError(n, actual)
		};
	});
	const modelMape = meanOf(scored.map((y) => y.modelError));
	const naiveMape = meanOf(scored.map((y) => y.naiveError));
	return {
		fitYears: fitting.map((y) => y.year),
		years: scored,
		modelMape,
		naiveMape,
		modelBeatsNaive: modelMape !== null && naiveMape !== null && modelMape < naiveMape
	};
}

export function absolutePercentageError(predicted: number | null, actual: number | null): number | null {
	if (predicted === null || actual === null || actual <= 0) return null;
	return (Math.abs(predicted - actual) / actual) * 100;
}

/** Mean of the scored years; null unless every year could be scored (both methods on the same years). */
function meanOf(values: readonly (number | null)[]): number | null {
	if (values.length === 0 || values.some((v) => v === null)) return null;
	return (values as number[]).reduce((sum, v) => sum + v, 0) / values.length;
}
