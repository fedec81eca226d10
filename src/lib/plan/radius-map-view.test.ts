import { describe, expect, it } from 'vitest';
import { parseExtent, MAX_CAPTION_LENGTH } from './map-view-spec';
import { radiusMapView } from './radius-map-view';

const result = {
	center: [-2.24, 53.48] as [number, number],
	miles: 10,
	totals: { homes: 41, places: 160, vacancies: 1, fosteringPlaces: 1_234, fosteringVacancies: 3 },
	demand: { cells: 3, children: 27, over20Miles: { atLeast: 9, complete: true } }
};

describe('radiusMapView', () => {
	it("frames the circle's box, rounded outwards, as stored text any reader parses back", () => {
		const spec = radiusMapView(result);
		expect(spec.extent.kind).toBe('bounds');
		const [west, south, east, north] =
			spec.extent.kind === 'bounds' ? spec.extent.bounds : [NaN, NaN, NaN, NaN];
		// 10 miles is 0.1447° of latitude, and 0.2428° of longitude at 53.48° N.
		expect(north - 53.48).toBeGreaterThanOrEqual(0.1447);
		expect(53.48 - south).toBeGreaterThanOrEqual(0.1447);
		expect(east + 2.24).toBeGreaterThanOrEqual(0.2428);
		expect(-2.24 - west).toBeGreaterThanOrEqual(0.2428);
		expect(north - 53.48).toBeLessThan(0.15);
		expect(parseExtent(`bounds:${[west, south, east, north].join(',')}`)).toEqual(spec.extent);
	});

	it('says the centre, the radius and the published figures, with children as whole hexagons', () => {
		expect(radiusMapView(result).caption).toBe(
			'Within 10 miles of 53.480° N, 2.240° W: 41 homes, 160 places, 1 vacancy; fostering 1,234 places; ' +
				'27 children in 3 demand hexagons of 5 or more'
		);
		expect(radiusMapView(result, 'Manchester').caption).toMatch(/^Within 10 miles of Manchester: /);
	});

	it('leaves children out when no hexagon of 5 or more is inside, and never gives the own LA', () => {
		const none = radiusMapView({
			...result,
			demand: { cells: 0, children: 0, over20Miles: { atLeast: 0, complete: true } }
		});
		expect(none.caption).not.toMatch(/child/);
		const withOwn = radiusMapView({
			...result,
			own: [{ code: 'E08000003', name: 'Manchester', children: 3, over20Miles: 2 }]
		} as never);
		expect(withOwn.caption).not.toMatch(/Manchester|Your LA/);
	});

	it('keeps the caption within the map view limit', () => {
		const huge = { homes: 1e9, places: 1e9, vacancies: 1e9, fosteringPlaces: 1e9, fosteringVacancies: 1e9 };
		const spec = radiusMapView({ ...result, totals: huge }, 'x'.repeat(400));
		expect(spec.caption.length).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
	});
});
