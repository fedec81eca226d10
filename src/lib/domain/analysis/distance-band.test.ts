import { describe, expect, it } from 'vitest';
import { DISTANCE_BANDS, distanceBand, distanceBandIndex } from './distance-band';

describe('distanceBand', () => {
	it('puts each upper bound in the lower band (DfE: "more than 20 miles" is over 20)', () => {
		expect([0, 5, 5.0001, 10, 10.5, 20, 20.0001, 50, 50.1].map(distanceBand)).toEqual([
			'0-5',
			'0-5',
			'5-10',
			'5-10',
			'10-20',
			'10-20',
			'20-50',
			'20-50',
			'over 50'
		]);
	});

	it('never moves to a nearer band as distance grows', () => {
		let previous = 0;
		for (let miles = 0; miles <= 120; miles += 0.01) {
			const band = distanceBandIndex(miles);
			expect(band).toBeGreaterThanOrEqual(previous);
			previous = band;
		}
		expect(previous).toBe(DISTANCE_BANDS.length - 1);
	});
});
