import { backtest, BACKTEST_FIT_LAST_YEAR, type Backtest } from './backtest';
import { bootstrapBand, DEFAULT_LEVEL } from './bootstrap-band';
import type { StockFlowModel } from './fit-stock-flow';
import { fitMethod, type ForecastMethod } from './forecast-methods';
import { AGE_BANDS, PLACEMENT_GROUPS, type AgeBand, type AreaSeries, type PlacementGroup } from './types';

export const MAX_HORIZON = 5;

export interface Banded {
	value: number;
	lower: number;
	upper: number;
}

export interface ForecastYear extends Banded {
	year: number;
	/** The total split by the last observed year's shares; null where DfE withheld the group. */
	byPlacement: Record<PlacementGroup, Banded | null>;
	byAge: Record<AgeBand, Banded | null>;
}

export interface AreaForecast {
	code: string;
	name: string;
	observed: AreaSeries['years'];
	/** The method the forecast uses: the model where it beat the naive forecast in the backtest. */
	method: ForecastMethod;
	/** Why that method, in words a commissioner can read. */
	methodReason: string;
	/** The stock-and-flow parameters fitted to every observed year (null when the data lack them). */
	model: StockFlowModel | null;
	/** Central coverage of the bands (0.8: 10th to 90th percentile of the bootstrap paths). */
	bandLevel: number;
	forecast: ForecastYear[];
	backtest: Backtest;
}

export interface ForecastAreaOptions {
	/** Pooled residuals per method: of the backtest's fit (to 2023) and of the full fit (every year). */
	pools: {
		backtest: Record<ForecastMethod, readonly number[]>;
		full: Record<ForecastMethod, readonly number[]>;
	};
	/** Years ahead of the last observed year, 1 to 5. */
	horizon?: number;
	draws?: number;
	level?: number;
}

/**
 * Forecasts one area's children looked after 1-5 years beyond its last observed 31 March: backtests
 * both methods, uses the model only where it beat "next year equals this year", fits the method chosen
 * to every observed year and draws its band by residual bootstrap. Whole children; null-free figures
 * need the last year's total, otherwise the forecast is empty.
 */
export function forecastArea(series: AreaSeries, options: ForecastAreaOptions): AreaForecast {
	const horizon = options.horizon ?? MAX_HORIZON;
	if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON))
		throw new Error(`forecastArea: horizon must be a whole number of years from 1 to ${MAX_HORIZON}`);
	const level = options.level ?? DEFAULT_LEVEL;
	const tested = backtest(series.years, {
		pools: options.pools.backtest,
		seed: series.code,
		draws: options.draws,
		level
	});
	const years = lastRun(series.years);
	const modelFit = fitMethod('stock-and-flow', years);
	const useModel = tested.modelBeatsNaive && modelFit !== null;
	const method: ForecastMethod = useModel ? 'stock-and-flow' : 'naive';
	const fitted = useModel ? modelFit : fitMethod('naive', years);
	const last = years.at(-1);
	const forecast: ForecastYear[] = [];
	if (fitted && last && last.lookedAfter !== null) {
		const band = bootstrapBand(last.lookedAfter, fitted.step, options.pools.full[method], {
			horizon,
			seed: `${series.code}:forecast`,
			draws: options.draws,
			level
		});
		const placementShares = shares(years, (y) => y.byPlacement, PLACEMENT_GROUPS);
		const ageShares = shares(years, (y) => y.byAge, AGE_BANDS);
		let value = last.lookedAfter;
		for (let h = 0; h < horizon; h++) {
			value = fitted.step(value);
			const total = { value, lower: Math.min(value, band[h].lower), upper: Math.max(value, band[h].upper) };
			forecast.push({
				year: last.year + h + 1,
				...rounded(total),
				byPlacement: split(total, placementShares),
				byAge: split(total, ageShares)
			});
		}
	}
	return {
		code: series.code,
		name: series.name,
		observed: series.years,
		method,
		methodReason: reason(tested, modelFit !== null),
		model: modelFit?.model ?? null,
		bandLevel: level,
		forecast,
		backtest: tested
	};
}

function reason(tested: Backtest, modelFits: boolean): string {
	const figure = (mape: number) => `${mape.toFixed(1)}%`;
	if (tested.modelMape === null || tested.naiveMape === null)
		return `Naive forecast: the published figures for ${tested.fitYears.join(', ') || 'the fitting years'} are incomplete, so the model could not be backtested.`;
	if (!tested.modelBeatsNaive)
		return `Naive forecast: in the backtest (fitted to ${tested.fitYears[0]}-${BACKTEST_FIT_LAST_YEAR}) the model's error was ${figure(tested.modelMape)}, not below the naive forecast's ${figure(tested.naiveMape)}.`;
	if (!modelFits)
		return 'Naive forecast: the latest published figures are incomplete, so the model could not be fitted.';
	return `Stock-and-flow model: in the backtest its error was ${figure(tested.modelMape)}, below the naive forecast's ${figure(tested.naiveMape)}.`;
}

/** The longest run of consecutive years ending with the last one whose total is known. */
function lastRun(years: AreaSeries['years']): AreaSeries['years'] {
	const run: AreaSeries['years'] = [];
	for (let i = years.length - 1; i >= 0; i--) {
		const year = years[i];
		if (year.lookedAfter === null && run.length === 0) continue;
		if (run.length > 0 && (year.lookedAfter === null || year.year !== run[0].year - 1)) break;
		run.unshift(year);
	}
	return run;
}

/** Each group's share of the total in the last year that has both (DfE withholds small groups). */
function shares<Key extends string>(
	years: AreaSeries['years'],
	pick: (year: AreaSeries['years'][number]) => Record<Key, number | null>,
	keys: readonly Key[]
): Record<Key, number | null> {
	const last = years.at(-1)!;
	return Object.fromEntries(
		keys.map((key) => {
			const part = pick(last)[key];
			return [key, part === null || !last.lookedAfter ? null : part / last.lookedAfter];
		})
	) as Record<Key, number | null>;
}

function split<Key extends string>(
	total: Banded,
	shareOf: Record<Key, number | null>
): Record<Key, Banded | null> {
	return Object.fromEntries(
		Object.entries<number | null>(shareOf).map(([key, share]) => [
			key,
			share === null
				? null
				: rounded({ value: total.value * share, lower: total.lower * share, upper: total.upper * share })
		])
	) as Record<Key, Banded | null>;
}

/** Whole children; bounds rounded outwards, past floating-point dust (220.00000000000003 is 220). */
function rounded(banded: Banded): Banded {
	return {
		value: Math.round(banded.value),
		lower: Math.floor(banded.lower + 1e-9),
		upper: Math.ceil(banded.upper - 1e-9)
	};
}
