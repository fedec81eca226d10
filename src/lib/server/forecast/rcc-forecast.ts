import { forecastRcc, type AreaForecast, type RccForecast } from '$lib/domain/forecast';
import type { Rcc } from '../db/rccs';
import { dfeSeriesFiles } from './dfe-series-files';

export const FORECAST_SOURCE =
	'Department for Education, Children looked after in England including adoptions 2021-2025 (OGL v3.0)';

export const FORECAST_METHOD_DESCRIPTION =
	'Stock-and-flow: next 31 March = this 31 March x (1 - exit rate) + entries + other net change, each the mean of the published years; used where its backtest error (fitted 2021-2023, predicting 2024 and 2025) is below the naive forecast "next year equals this year", otherwise the naive forecast. Bands: residual bootstrap of one-step out-of-sample errors pooled over all LAs (for the region: over DfE regions). Placement types and age bands: the total split by the last year\'s shares.';

const round = (value: number | null, digits: number) =>
	value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** One area as forecast.json sends it: figures rounded to what they mean (children, 0.01%). */
function areaJson(area: AreaForecast) {
	return {
		code: area.code,
		name: area.name,
		observed: area.observed,
		method: area.method,
		methodReason: area.methodReason,
		model: area.model && {
			entries: round(area.model.entries, 1),
			exitRate: round(area.model.exitRate, 4),
			otherNetChange: round(area.model.otherNetChange, 1),
			years: area.model.years
		},
		bandLevel: area.bandLevel,
		forecast: area.forecast,
		backtest: {
			fitYears: area.backtest.fitYears,
			years: area.backtest.years.map((year) => ({
				year: year.year,
				actual: year.actual,
				predicted: round(year.model, 1),
				lower: round(year.modelLower, 1),
				upper: round(year.modelUpper, 1),
				naive: year.naive,
				error: round(year.modelError, 2),
				naiveError: round(year.naiveError, 2)
			})),
			mape: round(area.backtest.modelMape, 2),
			naiveMape: round(area.backtest.naiveMape, 2),
			modelBeatsNaive: area.backtest.modelBeatsNaive
		}
	};
}

export type AreaForecastJson = ReturnType<typeof areaJson>;

export interface ForecastJson {
	rcc: { id: string; name: string };
	source: string;
	method: string;
	horizon: number;
	las: AreaForecastJson[];
	region: AreaForecastJson & { incomplete: string[] };
	pooledResiduals: RccForecast['pooled'];
}

/**
 * The forecast of an RCC's member LAs and its region from DfE's published series. Public statistics:
 * nothing in it comes from the children's records, so it is the same for everyone who may see the RCC.
 */
export function rccForecast(rcc: Rcc, horizon: number): ForecastJson {
	const { las, regions } = dfeSeriesFiles();
	const result = forecastRcc({
		las,
		regions,
		memberCodes: rcc.laCodes,
		region: { code: rcc.id, name: rcc.name },
		horizon
	});
	return {
		rcc: { id: rcc.id, name: rcc.name },
		source: FORECAST_SOURCE,
		method: FORECAST_METHOD_DESCRIPTION,
		horizon,
		las: result.las.map(areaJson),
		region: { ...areaJson(result.region), incomplete: result.region.incomplete },
		pooledResiduals: result.pooled
	};
}
