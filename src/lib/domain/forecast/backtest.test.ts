import { describe, expect, it } from 'vitest';
import { absolutePercentageError, backtest } from './backtest';
import { seriesOf } from './test-series';

const noPools = { 'stock-and-flow': [], naive: [] };

describe('backtest', () => {
	// The hand-checked series of fit-stock-flow.test.ts, carried on exactly as the model says: the model
	// predicts 2024 and 2025 without error; the naive forecast says 140 both years.
	const onModel = seriesOf('E0', [
		[2021, 100, 55, 30],
		[2022, 120, 60, 40],
		[2023, 140, 60, 48],
		[2024, 148, 60, 56],
		[2025, 152.8, 60, 59.2]
	]);

	it('fits to 2021-2023 only and scores 2024 and 2025 against both methods', () => {
		const result = backtest(onModel.years, { pools: noPools, seed: 's' });
		expect(result.fitYears).toEqual([2021, 2022, 2023]);
		expect(result.years.map((y) => y.year)).toEqual([2024, 2025]);
		expect(result.years[0].model).toBeCloseTo(148, 10);
		expect(result.years[1].model).toBeCloseTo(152.8, 10);
		expect(result.years.map((y) => y.naive)).toEqual([140, 140]);
		expect(result.modelMape).toBeCloseTo(0, 10);
		// |140 - 148| / 148 = 5.405%, |140 - 152.8| / 152.8 = 8.377%: mean 6.891%.
		expect(result.naiveMape).toBeCloseTo(((8 / 148 + 12.8 / 152.8) / 2) * 100, 10);
		expect(result.modelBeatsNaive).toBe(true);
	});

	it('does not let the model win a tie or when it is worse', () => {
		const flat = seriesOf('E0', [
			[2021, 100, 50, 50],
			[2022, 100, 50, 50],
			[2023, 100, 50, 50],
			[2024, 100, 50, 50],
			[2025, 100, 50, 50]
		]);
		const tie = backtest(flat.years, { pools: noPools, seed: 's' });
		expect(tie.modelMape).toBe(0);
		expect(tie.naiveMape).toBe(0);
		expect(tie.modelBeatsNaive).toBe(false);
		// Growth in the fitting years that stopped: the model carries it on, the naive forecast is exact.
		const stopped = seriesOf('E0', [
			[2021, 100, 55, 30],
			[2022, 120, 60, 40],
			[2023, 140, 60, 48],
			[2024, 140, 60, 60],
			[2025, 140, 60, 60]
		]);
		const worse = backtest(stopped.years, { pools: noPools, seed: 's' });
		expect(worse.naiveMape).toBe(0);
		expect(worse.modelMape).toBeGreaterThan(0);
		expect(worse.modelBeatsNaive).toBe(false);
	});

	it('scores nothing when a year is missing, and never picks the model then', () => {
		const gap = seriesOf('E0', [
			[2021, 100, 55, 30],
			[2022, null, 60, 40],
			[2023, 140, 60, 48],
			[2024, 148, 60, 56],
			[2025, null, 60, 59]
		]);
		const result = backtest(gap.years, { pools: noPools, seed: 's' });
		expect(result.years[0].model).toBeNull();
		expect(result.years[0].naive).toBe(140);
		expect(result.years[1].naiveError).toBeNull();
		expect(result.modelMape).toBeNull();
		expect(result.naiveMape).toBeNull();
		expect(result.modelBeatsNaive).toBe(false);
	});

	it('gives the model a band from the pooled residuals that holds the prediction', () => {
		const result = backtest(onModel.years, {
			pools: { 'stock-and-flow': [-0.05, 0, 0.05], naive: [] },
			seed: 's'
		});
		for (const year of result.years) {
			expect(year.modelLower!).toBeLessThan(year.model!);
			expect(year.modelUpper!).toBeGreaterThan(year.model!);
		}
	});
});

describe('absolutePercentageError', () => {
	it('is |predicted - actual| / actual x 100, and undefined for a zero or unknown actual', () => {
		expect(absolutePercentageError(90, 100)).toBe(10);
		expect(absolutePercentageError(110, 100)).toBe(10);
		expect(absolutePercentageError(5, 0)).toBeNull();
		expect(absolutePercentageError(null, 100)).toBeNull();
		expect(absolutePercentageError(5, null)).toBeNull();
	});
});

describe('backtest of an LA created after 2021', () => {
	it('fits from its first published year', () => {
		const created = seriesOf('E06000061', [
			[2021, null, null, null],
			[2022, 120, 60, 40],
			[2023, 140, 60, 40],
			[2024, 160, 60, 40],
			[2025, 180, 60, 40]
		]);
		const result = backtest(created.years, { pools: noPools, seed: 's' });
		expect(result.fitYears).toEqual([2022, 2023]);
		// Entries 60, exit rate 40/120, other net change 0: 140 x 2/3 + 60 = 153.33.
		expect(result.years[0].model).toBeCloseTo(140 * (2 / 3) + 60, 10);
	});
});
