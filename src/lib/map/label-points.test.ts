import { describe, expect, it } from 'vitest';
import type { Boundaries } from './feature-properties';
import { labelPoints } from './label-points';

const la = (id: number, code: string, member: boolean): Boundaries['features'][number] => ({
	type: 'Feature',
	id,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		]
	},
	properties: {
		code,
		name: `LA ${code}`,
		member,
		regionName: 'North West',
		population0to17: 1000 * id,
		childrenLookedAfter: member ? 10 : null,
		fosteringHouseholds: null,
		fosteringPlaces: null,
		fosteringVacancies: null,
		fosteringPlacesPer10k: null,
		fosteringVacanciesPer10k: null,
		labelLon: -2 - id / 10,
		labelLat: 53 + id / 10
	}
});

describe('labelPoints', () => {
	it('names member LAs only, at the label point the API gives, keeping the feature id', () => {
		const points = labelPoints({
			type: 'FeatureCollection',
			features: [la(1, 'E1', true), la(2, 'E2', false)]
		});
		expect(points.features).toHaveLength(1);
		expect(points.features[0].id).toBe(1);
		expect(points.features[0].geometry.coordinates).toEqual([-2.1, 53.1]);
		expect(points.features[0].properties).toEqual({ code: 'E1', name: 'LA E1', population0to17: 1000 });
	});
});
