import { describe, expect, it } from 'vitest';
import { bootstrapBand, quantile } from './bootstrap-band';

const flat = (value: number) => value;

describe('bootstrapBand', () => {
	it('is the point forecast itself when there are no residuals to draw', () => {
		expect(bootstrapBand(100, flat, [], { horizon: 2, seed: 's' })).toEqual([
			{ lower: 100, upper: 100 },
			{ lower: 100, upper: 100 }
		]);
	});

	it('with one residual every path is the same: 100 x 1.1, then x 1.1 again', () => {
		const band = bootstrapBand(100, flat, [0.1], { horizon: 2, seed: 's', draws: 10 });
		expect(band[0].lower).toBeCloseTo(110, 10);
		expect(band[0].upper).toBeCloseTo(110, 10);
		expect(band[1].lower).toBeCloseTo(121, 10);
	});

	it('lies between the extreme paths and widens as the errors compound', () => {
		const band = bootstrapBand(100, flat, [-0.1, 0, 0.1], { horizon: 3, seed: 's' });
		expect(band[0].lower).toBeGreaterThanOrEqual(90 - 1e-9);
		expect(band[0].upper).toBeLessThanOrEqual(110 + 1e-9);
		const widths = band.map((b) => b.upper - b.lower);
		expect(widths[1]).toBeGreaterThan(widths[0]);
		expect(widths[2]).toBeGreaterThan(widths[1]);
	});

	it('is the same for the same seed and differs for another', () => {
		const pool = [-0.08, -0.02, 0.01, 0.03, 0.09];
		const options = { horizon: 3, seed: 'a', draws: 7, level: 0.5 };
		expect(bootstrapBand(100, flat, pool, options)).toEqual(bootstrapBand(100, flat, pool, options));
		expect(bootstrapBand(100, flat, pool, { ...options, seed: 'b' })).not.toEqual(
			bootstrapBand(100, flat, pool, options)
		);
	});

	it('a wider level gives a wider band', () => {
		const pool = [-0.08, -0.02, 0.01, 0.03, 0.09];
		const narrow = bootstrapBand(100, flat, pool, { horizon: 2, seed: 's', level: 0.5 });
		const wide = bootstrapBand(100, flat, pool, { horizon: 2, seed: 's', level: 0.95 });
		expect(wide[1].upper - wide[1].lower).toBeGreaterThan(narrow[1].upper - narrow[1].lower);
	});
});

describe('quantile', () => {
	it('interpolates between order statistics', () => {
		expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([10, 20], 0.1)).toBe(11);
		expect(quantile([], 0.5)).toBeNaN();
	});
});
