import { describe, expect, it } from 'vitest';
import { fitStockFlow, stepStockFlow } from './fit-stock-flow';
import { relativeResiduals } from './forecast-methods';
import { seriesOf } from './test-series';

// Worked by hand: 100 -> 120 -> 140 children; 60 start each year; 40 of 100, then 48 of 120 cease
// (40% both years); the stock changes by 20 each year while the flows say 20 then 12, so 0 and 8
// children (mean 4) are the other net change.
const handChecked = seriesOf('E0', [
	[2021, 100, 55, 30],
	[2022, 120, 60, 40],
	[2023, 140, 60, 48]
]);

describe('fitStockFlow', () => {
	it('fits entries, exit rate and other net change as means over the transitions', () => {
		const model = fitStockFlow(handChecked.years)!;
		expect(model.entries).toBe(60);
		expect(model.exitRate).toBeCloseTo(0.4, 12);
		expect(model.otherNetChange).toBe(4);
		expect(model.years).toEqual([2021, 2022, 2023]);
	});

	it('steps a year on: 140 x 0.6 + 60 + 4 = 148, then 148 x 0.6 + 64 = 152.8', () => {
		const model = fitStockFlow(handChecked.years)!;
		expect(stepStockFlow(model, 140)).toBeCloseTo(148, 10);
		expect(stepStockFlow(model, 148)).toBeCloseTo(152.8, 10);
	});

	it('never steps below zero', () => {
		const shrinking = fitStockFlow(
			seriesOf('E0', [
				[2021, 10, 0, 0],
				[2022, 0, 0, 10]
			]).years
		)!;
		expect(stepStockFlow(shrinking, 0)).toBe(0);
	});

	it('needs two consecutive years with every figure, and a stock above zero', () => {
		expect(fitStockFlow(handChecked.years.slice(0, 1))).toBeNull();
		expect(
			fitStockFlow(
				seriesOf('E0', [
					[2021, 100, 1, 1],
					[2022, null, 60, 40]
				]).years
			)
		).toBeNull();
		expect(
			fitStockFlow(
				seriesOf('E0', [
					[2021, 100, 1, 1],
					[2022, 120, null, 40]
				]).years
			)
		).toBeNull();
		expect(
			fitStockFlow(
				seriesOf('E0', [
					[2021, 100, 1, 1],
					[2022, 120, 60, null]
				]).years
			)
		).toBeNull();
		expect(
			fitStockFlow(
				seriesOf('E0', [
					[2021, 0, 1, 1],
					[2022, 120, 60, 40]
				]).years
			)
		).toBeNull();
		expect(
			fitStockFlow(
				seriesOf('E0', [
					[2021, 100, 1, 1],
					[2023, 120, 60, 40]
				]).years
			)
		).toBeNull();
	});
});

describe('relativeResiduals', () => {
	it('scores each year with the method fitted to the years before it only', () => {
		// Naive: 120/100 - 1, 140/120 - 1. Model: 2021 alone cannot be fitted; 2021-2022 (entries 60,
		// exit rate 0.4, other 0) predicts 2023 as 120 x 0.6 + 60 = 132, and 140/132 - 1.
		const naive = relativeResiduals('naive', handChecked.years);
		expect(naive).toHaveLength(2);
		expect(naive[0]).toBeCloseTo(0.2, 12);
		expect(naive[1]).toBeCloseTo(140 / 120 - 1, 12);
		const model = relativeResiduals('stock-and-flow', handChecked.years);
		expect(model).toHaveLength(1);
		expect(model[0]).toBeCloseTo(140 / 132 - 1, 12);
	});
});
