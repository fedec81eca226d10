import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { homeLocation } from './home-location';
import { createLaLocator } from './la-locator';
import { createRandom } from './random';

// A thin strip about 1.1 km wide: jitter of 600 m often lands outside it, so the check matters.
const strip: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[-2.3, 53.48],
			[-2.2, 53.48],
			[-2.2, 53.49],
			[-2.3, 53.49],
			[-2.3, 53.48]
		]
	]
};
const locator = createLaLocator([{ code: 'E1', geometry: strip }]);

describe('homeLocation', () => {
	it('always returns a point inside the LA, the same for the same seed', () => {
		for (let i = 0; i < 200; i++) {
			const options = {
				laCode: 'E1',
				centroids: [[-2.25, 53.485] as [number, number]],
				labelPoint: [-2.25, 53.485] as [number, number],
				locator
			};
			const point = homeLocation({ ...options, random: createRandom(`home-${i}`) });
			expect(locator.contains('E1', point)).toBe(true);
			expect(homeLocation({ ...options, random: createRandom(`home-${i}`) })).toEqual(point);
		}
	});

	it('falls back to the label point when no centroid is usable', () => {
		const point = homeLocation({
			laCode: 'E1',
			centroids: [],
			labelPoint: [-2.25, 53.485],
			locator,
			random: createRandom('x')
		});
		expect(point).toEqual([-2.25, 53.485]);
	});
});
