import { aggregateSeries } from './aggregate-series';
import { BACKTEST_FIT_LAST_YEAR } from './backtest';
import { forecastArea, type AreaForecast, type ForecastAreaOptions } from './forecast-area';
import { FORECAST_METHODS, residualPool, type ForecastMethod } from './forecast-methods';
import type { AreaSeries } from './types';

export interface RccForecastInput {
	/** Every LA's series (England): the LA bands draw on the residuals of all of them. */
	las: readonly AreaSeries[];
	/** DfE's regions' series: the region's band draws on residuals of areas of a region's size. */
	regions: readonly AreaSeries[];
	/** The RCC's member LAs, in the order to report them. */
	memberCodes: readonly string[];
	region: { code: string; name: string };
	horizon?: number;
	draws?: number;
}

export interface RccForecast {
	las: AreaForecast[];
	region: AreaForecast & { incomplete: string[] };
	/** Residuals pooled for the bands: how many of each, per method. */
	pooled: { las: Record<ForecastMethod, number>; region: Record<ForecastMethod, number> };
}

/** Forecasts each member LA and the region (the members' sum, forecast as one series). */
export function forecastRcc(input: RccForecastInput): RccForecast {
	const laPools = forecastPools(input.las);
	const regionPools = forecastPools(input.regions);
	const byCode = new Map(input.las.map((series) => [series.code, series]));
	const members = input.memberCodes
		.map((code) => byCode.get(code))
		.filter((series): series is AreaSeries => series !== undefined);
	const options = { horizon: input.horizon, draws: input.draws };
	const { series, incomplete } = aggregateSeries(input.region.code, input.region.name, members);
	return {
		las: members.map((member) => forecastArea(member, { ...options, pools: laPools })),
		region: { ...forecastArea(series, { ...options, pools: regionPools }), incomplete },
		pooled: {
			las: byMethod((method) => laPools.full[method].length),
			region: byMethod((method) => regionPools.full[method].length)
		}
	};
}

/** Residuals of both methods over these areas: fitted to 2021-2023 (backtest) and to every year. */
export function forecastPools(areas: readonly AreaSeries[]): ForecastAreaOptions['pools'] {
	return {
		backtest: byMethod((method) => residualPool(areas, method, BACKTEST_FIT_LAST_YEAR)),
		full: byMethod((method) => residualPool(areas, method, Infinity))
	};
}

function byMethod<T>(make: (method: ForecastMethod) => T): Record<ForecastMethod, T> {
	return Object.fromEntries(FORECAST_METHODS.map((method) => [method, make(method)])) as Record<
		ForecastMethod,
		T
	>;
}
