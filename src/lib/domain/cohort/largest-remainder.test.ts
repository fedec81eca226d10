import { describe, expect, it } from 'vitest';
import { largestRemainder } from './largest-remainder';

describe('largestRemainder', () => {
	it('splits a total exactly, each part within one of its share', () => {
		const parts = largestRemainder([1, 1, 1], 10);
		expect(parts.reduce((a, b) => a + b)).toBe(10);
		expect(parts).toEqual([4, 3, 3]);
	});

	it('keeps whole-number weights that already add up', () => {
		expect(largestRemainder([233, 12, 75, 12], 332)).toEqual([233, 12, 75, 12]);
	});

	it('scales weights to a different total', () => {
		expect(largestRemainder([0.5, 0.3, 0.2], 7)).toEqual([4, 2, 1]);
	});

	it('gives zeros for a zero total and refuses all-zero weights', () => {
		expect(largestRemainder([0, 0], 0)).toEqual([0, 0]);
		expect(() => largestRemainder([0, 0], 3)).toThrow(/all zero/);
		expect(() => largestRemainder([1], -1)).toThrow(/whole number/);
	});
});
