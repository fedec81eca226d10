import { describe, expect, it } from 'vitest';
import type { Homes, Hotspots } from './feature-properties';
import { radiusContents } from './radius-contents';

const manchester: [number, number] = [-2.24, 53.48];

function home(lon: number, lat: number, places: number, vacancies: number | null) {
	return {
		type: 'Feature' as const,
		geometry: { type: 'Point' as const, coordinates: [lon, lat] },
		properties: {
			urn: `${lon},${lat}`,
			laCode: 'E08000003',
			laName: 'Manchester',
			provisionType: "Children's home",
			kind: 'childrens_home' as const,
			sector: 'Private',
			places,
			vacancies,
			owner: null,
			gradeOverall: null,
			inspectionDate: null,
			approximate: true
		}
	};
}

/** A small square "cell" around a point, `half` degrees each side. */
function cell(lon: number, lat: number, half: number, children: number) {
	const ring = [
		[lon - half, lat - half],
		[lon + half, lat - half],
		[lon + half, lat + half],
		[lon - half, lat + half],
		[lon - half, lat - half]
	];
	return {
		type: 'Feature' as const,
		geometry: { type: 'Polygon' as const, coordinates: [ring] },
		properties: { h3: `${lon},${lat}`, children, over20Miles: null }
	};
}

const homes = {
	type: 'FeatureCollection',
	features: [
		home(-2.24, 53.48, 4, 1),
		// About 6.9 miles north.
		home(-2.24, 53.58, 3, null),
		// About 69 miles north: outside 20 miles.
		home(-2.24, 54.48, 10, 5)
	]
} as Homes;

const hotspots = {
	type: 'FeatureCollection',
	features: [
		cell(-2.24, 53.48, 0.01, 12),
		// Centre 13.8 miles north, corners beyond 20: cut by a 14-mile circle, so not counted.
		cell(-2.24, 53.68, 0.1, 40),
		cell(-2.24, 54.48, 0.01, 30)
	]
} as Hotspots;

describe('radiusContents', () => {
	it('counts homes, places and published vacancies within the radius', () => {
		const contents = radiusContents(manchester, 20, homes, hotspots);
		expect(contents).toMatchObject({ homes: 2, places: 7, vacancies: 1 });
	});

	it('counts children only in cells wholly inside the circle', () => {
		expect(radiusContents(manchester, 14, homes, hotspots)).toMatchObject({ cells: 1, children: 12 });
		expect(radiusContents(manchester, 25, homes, hotspots)).toMatchObject({ cells: 2, children: 52 });
	});

	it('finds nothing when nothing lies within the radius', () => {
		expect(radiusContents([0, 51], 1, homes, hotspots)).toEqual({
			homes: 0,
			places: 0,
			vacancies: 0,
			cells: 0,
			children: 0
		});
	});
});
