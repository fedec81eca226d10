import { describe, expect, it } from 'vitest';
import { MercatorCoordinate } from 'maplibre-gl';
import { fitProjection, geometryBounds, unionBounds } from './svg-projection';

describe('fitProjection', () => {
	it('puts the asked bounds inside the picture, north up and west left, with padding', () => {
		const projection = fitProjection([-2.7, 53.3, -1.9, 53.7], { width: 640 });
		const [westX, southY] = projection.project(-2.7, 53.3);
		const [eastX, northY] = projection.project(-1.9, 53.7);
		expect(westX).toBeGreaterThan(0);
		expect(eastX).toBeLessThan(640);
		expect(westX).toBeLessThan(eastX);
		expect(northY).toBeLessThan(southY);
		expect(northY).toBeGreaterThan(0);
		expect(southY).toBeLessThan(projection.height);
		// Web Mercator at 53.5°N: a degree of latitude is about 1/cos(53.5°) = 1.68 degrees of longitude tall.
		const ratio = (southY - northY) / 0.4 / ((eastX - westX) / 0.8);
		expect(ratio).toBeCloseTo(1.68, 1);
	});

	it('grows a very wide area in height instead of squashing it, around its middle', () => {
		const projection = fitProjection([-4, 53, 2, 53.1], { width: 600, minAspect: 0.5 });
		expect(projection.height).toBe(300);
		const [west, south, east, north] = projection.bounds;
		expect((south + north) / 2).toBeCloseTo(53.05, 1);
		expect(west).toBeLessThan(-4);
		expect(east).toBeGreaterThan(2);
		const [x, y] = projection.project(-1, 53.05);
		expect(x).toBeCloseTo(300, 0);
		expect(y).toBeCloseTo(150, 0);
	});

	it('projects as MapLibre does: Web Mercator, at one scale, anchored on the picture', () => {
		const projection = fitProjection([-2.7, 53.3, -1.9, 53.7], { width: 640 });
		const live = (lon: number, lat: number) => MercatorCoordinate.fromLngLat([lon, lat]);
		// The picture's corners, in MapLibre's world units: every point must sit in proportion between them.
		const [west, south, east, north] = projection.bounds;
		const topLeft = live(west, north);
		const bottomRight = live(east, south);
		const pixelsPerUnit = projection.width / (bottomRight.x - topLeft.x);
		expect((bottomRight.y - topLeft.y) * pixelsPerUnit).toBeCloseTo(projection.height, 0);
		for (const [lon, lat] of [
			[-2.2446, 53.4794], // Manchester
			[-2.7, 53.3],
			[-1.9, 53.7]
		]) {
			const at = live(lon, lat);
			const [x, y] = projection.project(lon, lat);
			expect(Math.abs(x - (at.x - topLeft.x) * pixelsPerUnit)).toBeLessThanOrEqual(0.05);
			expect(Math.abs(y - (at.y - topLeft.y) * pixelsPerUnit)).toBeLessThanOrEqual(0.05);
		}
	});
});

describe('polygonPath', () => {
	const square = {
		type: 'Polygon' as const,
		coordinates: [
			[
				[0, 50],
				[1, 50],
				[1, 51],
				[0, 51],
				[0, 50]
			]
		]
	};

	it('draws rings as closed paths and drops rings too small to see', () => {
		const projection = fitProjection([0, 50, 1, 51], { width: 100 });
		expect(projection.polygonPath(square)).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}Z$/);
		const tiny = fitProjection([-10, 40, 10, 60], { width: 10 });
		expect(
			tiny.polygonPath({
				...square,
				coordinates: [
					[
						[0, 50],
						[0.001, 50],
						[0.001, 50.001],
						[0, 50]
					]
				]
			})
		).toBe('');
		expect(projection.polygonPath({ type: 'Point', coordinates: [0, 50] })).toBe('');
	});

	it('bounds geometries and their union', () => {
		expect(geometryBounds(square)).toEqual([0, 50, 1, 51]);
		expect(geometryBounds({ type: 'Polygon', coordinates: [] })).toBeNull();
		expect(unionBounds([[0, 50, 1, 51], null, [-1, 50.5, 0.5, 52]])).toEqual([-1, 50, 1, 52]);
		expect(unionBounds([null])).toBeNull();
	});
});
