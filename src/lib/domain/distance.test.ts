import { describe, expect, it } from 'vitest';
import { distanceMiles } from './distance';

describe('distanceMiles', () => {
	it('is zero for the same point', () => {
		expect(distanceMiles([-2.24, 53.48], [-2.24, 53.48])).toBe(0);
	});

	it('measures Manchester to Leeds as the crow flies (about 36 miles)', () => {
		const miles = distanceMiles([-2.2426, 53.4808], [-1.5491, 53.8008]);
		expect(miles).toBeGreaterThan(34);
		expect(miles).toBeLessThan(38);
	});

	it('gives one degree of latitude as about 69 miles', () => {
		expect(distanceMiles([0, 51], [0, 52])).toBeCloseTo(69.09, 1);
	});
});
