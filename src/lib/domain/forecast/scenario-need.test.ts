import { describe, expect, it } from 'vitest';
import { NO_CHANGE, scenarioNeed, type ScenarioArea } from './scenario-need';

const area: ScenarioArea = {
	forecast: [
		{ year: 2026, value: 1000 },
		{ year: 2027, value: 1000 }
	],
	model: { entries: 400, exitRate: 0.4 },
	fosterShare: 0.7,
	residentialShare: 0.1
};

describe('scenarioNeed', () => {
	it('is the forecast split by the shares when nothing changes', () => {
		expect(scenarioNeed(area, NO_CHANGE)).toEqual([
			{ year: 2026, total: 1000, foster: 700, residential: 100 },
			{ year: 2027, total: 1000, foster: 700, residential: 100 }
		]);
	});

	it('builds up extra entries as the stock does: +40, then 40 x 0.6 + 40 = 64', () => {
		const result = scenarioNeed(area, { ...NO_CHANGE, entryChange: 0.1 });
		expect(result.map((y) => y.total)).toEqual([1040, 1064]);
		expect(result[0].residential).toBe(104);
	});

	it('moves the mix shift from residential to foster at once, never below zero', () => {
		const result = scenarioNeed(area, { ...NO_CHANGE, mixShift: 4 });
		expect(result[0]).toEqual({ year: 2026, total: 1000, foster: 740, residential: 60 });
		expect(scenarioNeed(area, { ...NO_CHANGE, mixShift: 50 })[0]).toEqual({
			year: 2026,
			total: 1000,
			foster: 800,
			residential: 0
		});
		expect(scenarioNeed(area, { ...NO_CHANGE, mixShift: -5 })[0].residential).toBe(150);
	});

	it('steps down a share of residential each year, compounded', () => {
		const result = scenarioNeed(area, { ...NO_CHANGE, stepDownRate: 0.1 });
		expect(result.map((y) => y.residential)).toEqual([90, 81]);
		expect(result.map((y) => y.foster)).toEqual([710, 719]);
	});

	it('has no split where DfE withheld a share, and no retained extra without a model', () => {
		const result = scenarioNeed(
			{ ...area, model: null, fosterShare: null },
			{ ...NO_CHANGE, entryChange: 0.5 }
		);
		expect(result[0]).toEqual({ year: 2026, total: 1000, foster: null, residential: null });
	});
});
