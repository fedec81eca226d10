import { describe, expect, it } from 'vitest';
import { aggregateSeries } from './aggregate-series';
import { forecastArea } from './forecast-area';
import { seriesOf } from './test-series';

const none = { 'stock-and-flow': [], naive: [] };
const pools = { backtest: none, full: none };

// Carries on exactly as the hand-checked model (fit-stock-flow.test.ts): entries 60, exit rate 40%,
// other net change 4 in 2022-23, and the later years follow it, so the refit is the same model.
const onModel = seriesOf('E1', [
	[2021, 100, 55, 30],
	[2022, 120, 60, 40],
	[2023, 140, 60, 48],
	[2024, 148, 60, 56],
	[2025, 152.8, 60, 59.2]
]);

describe('forecastArea', () => {
	it('uses the model where it beat the naive forecast, and says so', () => {
		const result = forecastArea(onModel, { pools, horizon: 2 });
		expect(result.method).toBe('stock-and-flow');
		expect(result.methodReason).toMatch(/^Stock-and-flow model: .* 0\.0%, below the naive forecast's 6\.9%/);
		// Refitted to 2021-2025: entries 60, exit rate 40%, other net change (0 + 8 + 4 + 4) / 4 = 4.
		expect(result.model!.entries).toBe(60);
		expect(result.model!.otherNetChange).toBeCloseTo(4, 10);
		// 152.8 x 0.6 + 64 = 155.68 -> 156; 155.68 x 0.6 + 64 = 157.408 -> 157.
		expect(result.forecast.map((y) => [y.year, y.value])).toEqual([
			[2026, 156],
			[2027, 157]
		]);
		// No residuals: the band is the point forecast, rounded outwards.
		expect(result.forecast[0].lower).toBe(155);
		expect(result.forecast[0].upper).toBe(156);
	});

	it('falls back to the naive forecast where the model did not beat it', () => {
		const stopped = seriesOf('E2', [
			[2021, 100, 55, 30],
			[2022, 120, 60, 40],
			[2023, 140, 60, 48],
			[2024, 140, 60, 60],
			[2025, 141, 60, 59]
		]);
		const result = forecastArea(stopped, { pools });
		expect(result.method).toBe('naive');
		expect(result.methodReason).toMatch(/^Naive forecast: .* not below the naive forecast's/);
		expect(result.forecast.map((y) => y.value)).toEqual([141, 141, 141, 141, 141]);
		expect(result.forecast.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
	});

	it('splits the total by the last year shares, leaving withheld groups unknown', () => {
		const series = seriesOf('E4', [
			[2021, 100, 50, 50],
			[2022, 100, 50, 50],
			[2023, 100, 50, 50],
			[2024, 100, 50, 50],
			[2025, 100, 50, 50]
		]);
		const last = series.years.at(-1)!;
		last.lookedAfter = 200;
		last.byPlacement.foster = 150;
		last.byPlacement.childrens_homes = 30;
		last.byAge['16_and_over'] = 50;
		const result = forecastArea(series, { pools: { backtest: none, full: { ...none, naive: [0.1] } } });
		// A tie in the backtest (both exact in 2024, both 100 off in 2025): naive, 200 a year, 200..220.
		expect(result.method).toBe('naive');
		const first = result.forecast[0];
		expect([first.value, first.lower, first.upper]).toEqual([200, 200, 220]);
		expect(first.byPlacement.foster).toEqual({ value: 150, lower: 150, upper: 165 });
		expect(first.byPlacement.childrens_homes).toEqual({ value: 30, lower: 30, upper: 33 });
		expect(first.byPlacement.adoption).toBeNull();
		expect(first.byAge['16_and_over']).toEqual({ value: 50, lower: 50, upper: 55 });
	});

	it('bands widen with the years ahead', () => {
		const result = forecastArea(onModel, {
			pools: { backtest: none, full: { 'stock-and-flow': [-0.04, -0.01, 0.02, 0.05], naive: [] } }
		});
		const widths = result.forecast.map((y) => y.upper - y.lower);
		expect(widths[4]).toBeGreaterThan(widths[0]);
		for (const year of result.forecast) {
			expect(year.lower).toBeLessThanOrEqual(year.value);
			expect(year.upper).toBeGreaterThanOrEqual(year.value);
		}
	});

	it('refuses a horizon outside 1 to 5 years', () => {
		expect(() => forecastArea(onModel, { pools, horizon: 0 })).toThrow(/horizon/);
		expect(() => forecastArea(onModel, { pools, horizon: 6 })).toThrow(/horizon/);
		expect(() => forecastArea(onModel, { pools, horizon: 1.5 })).toThrow(/horizon/);
	});

	it('has no forecast when the latest total is unknown, and says the backtest could not run', () => {
		const withheld = seriesOf('E3', [
			[2021, null, null, null],
			[2022, null, null, null]
		]);
		const result = forecastArea(withheld, { pools });
		expect(result.forecast).toEqual([]);
		expect(result.method).toBe('naive');
		expect(result.methodReason).toMatch(/could not be backtested/);
	});
});

describe('aggregateSeries', () => {
	it('sums members year by year and lists those whose totals DfE withheld', () => {
		const a = seriesOf('A', [
			[2024, 10, 5, 4],
			[2025, 12, 6, 4]
		]);
		const b = seriesOf('B', [
			[2024, 20, 8, 6],
			[2025, null, 7, 5]
		]);
		const { series, incomplete } = aggregateSeries('R', 'Region', [a, b]);
		expect(series.years.map((y) => [y.year, y.lookedAfter, y.starts, y.ceased])).toEqual([
			[2024, 30, 13, 10],
			[2025, 12, 13, 9]
		]);
		expect(incomplete).toEqual(['B']);
		expect(series.years[0].byPlacement.foster).toBeNull();
	});
});
