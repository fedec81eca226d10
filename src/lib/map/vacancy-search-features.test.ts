import { describe, expect, it } from 'vitest';
import type { VacanciesForChild } from '$lib/analysis-worker/protocol';
import { haversineMiles } from '$lib/domain/analysis';
import { vacancySearchShapes } from './vacancy-search-features';

const found = (placement: [number, number] | null, miles = 40): VacanciesForChild => ({
	child: {
		id: 'E08000003-00042',
		laCode: 'E08000003',
		home: [-2.24, 53.48],
		placement,
		miles: placement ? miles : null,
		placementType: 'childrens_home',
		age: 14,
		needs: []
	},
	radiusMiles: 20,
	candidates: []
});

describe('vacancySearchShapes', () => {
	it('draws the search circle round the home, the home, and the line to a known placement', () => {
		const { features, bounds } = vacancySearchShapes(found([-2.9, 53.1]));
		expect(features.features.map((f) => f.properties.role)).toEqual([
			'search-area',
			'placement-line',
			'placement',
			'home'
		]);
		const ring = (features.features[0].geometry as GeoJSON.Polygon).coordinates[0];
		for (const [lon, lat] of ring) expect(haversineMiles(-2.24, 53.48, lon, lat)).toBeCloseTo(20, 1);
		// The camera takes in the placement, west and south of the circle.
		expect(bounds[0]).toBe(-2.9);
		expect(bounds[1]).toBe(53.1);
		expect(bounds[2]).toBeGreaterThan(-2.24);
		expect(bounds[3]).toBeGreaterThan(53.48);
	});

	it('keeps a placement far beyond the circle out of the camera, but draws its line', () => {
		const { features, bounds } = vacancySearchShapes(found([-0.5, 52.5], 170));
		expect(features.features.map((f) => f.properties.role)).toContain('placement-line');
		expect(bounds).toEqual(vacancySearchShapes(found(null)).bounds);
	});

	it('leaves out the placement when it is not known', () => {
		const { features } = vacancySearchShapes(found(null));
		expect(features.features.map((f) => f.properties.role)).toEqual(['search-area', 'home']);
	});
});
