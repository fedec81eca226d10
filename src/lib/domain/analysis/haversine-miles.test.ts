import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../../tests/fixtures/analysis/random-input';
import { haversineMiles } from './haversine-miles';

describe('haversineMiles', () => {
	it('agrees with turf.distance to 1e-6 miles over England and beyond', () => {
		const next = seeded(7);
		for (let i = 0; i < 2000; i++) {
			const a: [number, number] = [-8 + next() * 10, 49 + next() * 8];
			const b: [number, number] = [-180 + next() * 360, -90 + next() * 180];
			const near: [number, number] = [a[0] + (next() - 0.5) * 0.1, a[1] + (next() - 0.5) * 0.1];
			for (const to of [b, near]) {
				expect(
					Math.abs(haversineMiles(a[0], a[1], to[0], to[1]) - distance(a, to, { units: 'miles' }))
				).toBeLessThan(1e-6);
			}
		}
	});

	it('is symmetric and zero from a point to itself', () => {
		const next = seeded(11);
		for (let i = 0; i < 500; i++) {
			const [x1, y1, x2, y2] = [-6 + next() * 8, 50 + next() * 5, -6 + next() * 8, 50 + next() * 5];
			expect(haversineMiles(x1, y1, x2, y2)).toBe(haversineMiles(x2, y2, x1, y1));
			expect(haversineMiles(x1, y1, x1, y1)).toBe(0);
		}
	});

	it('measures one degree of latitude as about 69.09 miles', () => {
		expect(haversineMiles(0, 51, 0, 52)).toBeCloseTo(69.09, 2);
	});
});
