import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createLaLocator } from './la-locator';

const square = (west: number, south: number, size: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[west, south],
			[west + size, south],
			[west + size, south + size],
			[west, south + size],
			[west, south]
		]
	]
});

describe('createLaLocator', () => {
	const locator = createLaLocator([
		{ code: 'E1', geometry: square(0, 50, 1) },
		{ code: 'E2', geometry: square(1, 50, 1) }
	]);

	it('finds the LA holding a point, or none', () => {
		expect(locator.laAt([0.5, 50.5])).toBe('E1');
		expect(locator.laAt([1.5, 50.5])).toBe('E2');
		expect(locator.laAt([5, 50.5])).toBeNull();
	});

	it('tests one LA and refuses an unknown code', () => {
		expect(locator.contains('E1', [0.5, 50.5])).toBe(true);
		expect(locator.contains('E2', [0.5, 50.5])).toBe(false);
		expect(() => locator.contains('E9', [0.5, 50.5])).toThrow(/E9/);
	});
});
