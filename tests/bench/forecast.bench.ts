/**
 * `npm run bench:forecast`: the backtest over every LA in England (fit 2021-2023, predict 2024 and
 * 2025) and over DfE's regions and the demo RCCs: the model's mean absolute percentage error beside
 * the naive forecast's ("next year equals this year"), their medians, the share of areas where the
 * model wins (and so is used), how often the 80% band held the actual, and the time taken. Prints and
 * saves to bench-results/forecast-<timestamp>.json and forecast-latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import {
	forecastArea,
	forecastPools,
	forecastRcc,
	quantile,
	type AreaForecast
} from '../../src/lib/domain/forecast';
import { dfeSeriesFiles } from '../../src/lib/server/forecast/dfe-series-files';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function scores(forecasts: readonly AreaForecast[]) {
	const scored = forecasts.filter((f) => f.backtest.modelMape !== null && f.backtest.naiveMape !== null);
	const model = scored.map((f) => f.backtest.modelMape!).sort((a, b) => a - b);
	const naive = scored.map((f) => f.backtest.naiveMape!).sort((a, b) => a - b);
	const years = scored.flatMap((f) => f.backtest.years);
	const inside = years.filter((y) => y.actual! >= y.modelLower! && y.actual! <= y.modelUpper!).length;
	const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
	return {
		areas: forecasts.length,
		backtested: scored.length,
		notBacktested: forecasts.filter((f) => !scored.includes(f)).map((f) => f.code),
		modelMape: { median: round(quantile(model, 0.5)), mean: round(mean(model)) },
		naiveMape: { median: round(quantile(naive, 0.5)), mean: round(mean(naive)) },
		modelWins: scored.filter((f) => f.backtest.modelBeatsNaive).length,
		shareModelWins: round(scored.filter((f) => f.backtest.modelBeatsNaive).length / scored.length, 3),
		band80Coverage: round(inside / years.length, 3)
	};
}

function main() {
	const started = performance.now();
	const { las, regions } = dfeSeriesFiles();
	const readMs = performance.now() - started;
	const england = forecastRcc({
		las,
		regions,
		memberCodes: las.map((la) => la.code),
		region: { code: 'england', name: 'England' }
	});
	const forecastMs = performance.now() - started - readMs;
	const membership = Papa.parse<{ rcc_demo_id: string; ctyua24cd: string }>(
		fs.readFileSync(path.resolve('server/data/lookups/demo_rcc_membership.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	const demo = ['gm', 'se'].map((id) => {
		const codes = new Set(membership.filter((row) => row.rcc_demo_id === id).map((row) => row.ctyua24cd));
		return forecastRcc({
			las,
			regions,
			memberCodes: [...codes],
			region: { code: id, name: id }
		}).region;
	});
	const regionPools = forecastPools(regions);
	const dfeRegions = regions.map((region) => forecastArea(region, { pools: regionPools }));
	const results = {
		benchmark: 'forecast',
		at: new Date().toISOString(),
		machine: { node: process.version, cpus: os.cpus().length, loadAverage1m: round(os.loadavg()[0]) },
		method:
			'stock-and-flow (entries, exit rate, other net change: means of the fitting transitions) vs naive; fit 2021-2023, predict 2024 and 2025; MAPE = mean of |predicted - actual| / actual x 100 over the two years; 80% band by residual bootstrap (1,000 paths) from residuals pooled over all LAs',
		las: scores(england.las),
		dfeRegions: scores(dfeRegions),
		demoRccs: demo.map((f) => ({
			id: f.code,
			modelMape: round(f.backtest.modelMape!),
			naiveMape: round(f.backtest.naiveMape!),
			method: f.method
		})),
		england: {
			modelMape: round(england.region.backtest.modelMape!),
			naiveMape: round(england.region.backtest.naiveMape!),
			method: england.region.method,
			incomplete: england.region.incomplete
		},
		timing: { readMs: round(readMs, 1), forecastAllLasMs: round(forecastMs, 1) }
	};
	console.log(JSON.stringify(results, null, 2));
	const dir = path.resolve('bench-results');
	fs.mkdirSync(dir, { recursive: true });
	const stamp = results.at.replace(/[:.]/g, '-');
	fs.writeFileSync(path.join(dir, `forecast-${stamp}.json`), JSON.stringify(results, null, 2) + '\n');
	fs.writeFileSync(path.join(dir, 'forecast-latest.json'), JSON.stringify(results, null, 2) + '\n');
	const { las: l } = results;
	console.log(
		`\n${l.backtested} of ${l.areas} LAs backtested | median MAPE model ${l.modelMape.median}% vs naive ${l.naiveMape.median}% | model wins (and is used) in ${l.modelWins} LAs (${round(l.shareModelWins * 100, 1)}%) | 80% band held ${round(l.band80Coverage * 100, 1)}% of actuals | all LAs forecast in ${results.timing.forecastAllLasMs} ms`
	);
}

main();
