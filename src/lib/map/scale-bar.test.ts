import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar';

describe('metresPerPixel', () => {
	it('is ~78 km a pixel at the equator at zoom 0 and halves with each zoom level', () => {
		expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
		expect(metresPerPixel(0, 1)).toBeCloseTo(78_271.5 / 2, 0);
	});
	it('shrinks with the cosine of the latitude (Manchester, 53.5°N)', () => {
		expect(metresPerPixel(53.5, 9) / metresPerPixel(0, 9)).toBeCloseTo(Math.cos((53.5 * Math.PI) / 180), 6);
	});
});

describe('scaleBar', () => {
	it('picks the longest round number of miles that fits', () => {
		// 100 m a pixel: a mile is ~16 px, 10 miles ~161 px, 20 miles ~322 px.
		expect(scaleBar(100, 200)).toEqual({ miles: 10, pixels: 161 });
		expect(scaleBar(100, 400)).toEqual({ miles: 20, pixels: 322 });
	});
	it('draws England-wide distances at a small zoom', () => {
		expect(scaleBar(100_000, 150)).toEqual({ miles: 500, pixels: 8 });
	});
	it('falls back to the shortest when none fits', () => {
		expect(scaleBar(1, 100)).toEqual({ miles: 0.1, pixels: 161 });
	});
});
