import { describe, expect, it } from 'vitest';
import { classBreaks } from './class-breaks';

describe('classBreaks', () => {
	it('gives strictly increasing, rounded stops inside the range of the values', () => {
		const values = [31.2, 38.9, 42.1, 47.5, 51.3, 55.8, 58.2, 63.4, 71.9, 88.4];
		const breaks = classBreaks(values, 5);
		expect(breaks.length).toBe(4);
		for (let i = 1; i < breaks.length; i++) expect(breaks[i]).toBeGreaterThan(breaks[i - 1]);
		expect(breaks[0]).toBeGreaterThan(31.2);
		expect(breaks[breaks.length - 1]).toBeLessThanOrEqual(88.4);
		for (const value of breaks) expect(value % 5).toBe(0);
	});

	it('ignores nulls and gives no stops when every value is the same', () => {
		expect(classBreaks([null, 4, 4, undefined, 4], 5)).toEqual([]);
		expect(classBreaks([], 5)).toEqual([]);
	});

	it('drops stops that would repeat when values cluster', () => {
		const breaks = classBreaks([1, 1, 1, 1, 1, 1, 1, 1, 1, 100], 5);
		expect(new Set(breaks).size).toBe(breaks.length);
		expect(breaks.every((value) => value > 1 && value <= 100)).toBe(true);
	});
});
