import { describe, expect, it } from 'vitest';
import {
	MAX_CAPTION_LENGTH,
	checkMapViewForm,
	mapViewAttrs,
	parseExtent,
	parseLayers,
	readMapView,
	type MapViewSpec
} from './map-view-spec';

describe('readMapView', () => {
	it('reads stored attributes back into the spec they were written from', () => {
		const spec: MapViewSpec = {
			layers: ['boundaries', 'fostering', 'homes'],
			extent: { kind: 'bounds', bounds: [-2.7, 53.3, -1.9, 53.7] },
			caption: 'Fostering near Manchester'
		};
		const attrs = mapViewAttrs(spec);
		expect(attrs).toEqual({
			layers: 'boundaries,fostering,homes',
			extent: 'bounds:-2.7,53.3,-1.9,53.7',
			caption: 'Fostering near Manchester'
		});
		expect(readMapView(attrs)).toEqual(spec);
	});

	it('never lets placement lines in, whatever another client stored', () => {
		expect(parseLayers('placements,homes,placements')).toEqual(['homes']);
		expect(readMapView({ layers: 'placements' }).layers).toEqual(['boundaries']);
	});

	it('falls back to safe defaults for values it does not understand', () => {
		for (const attrs of [
			null,
			{},
			{ layers: 42, extent: { kind: 'la' }, caption: ['x'] },
			{ layers: 'rivers,,', extent: 'bounds:1,2,3', caption: null },
			{ layers: 'homes', extent: 'bounds:10,60,0,50' },
			{ layers: 'homes', extent: 'bounds:-200,50,0,60' },
			{ layers: 'homes', extent: 'bounds:a,b,c,d' },
			{ layers: 'homes', extent: 'E99999999' }
		]) {
			const spec = readMapView(attrs as Record<string, unknown> | null);
			expect(spec.layers.length).toBeGreaterThan(0);
			expect(spec.extent).toEqual({ kind: 'region' });
			expect(typeof spec.caption).toBe('string');
		}
	});

	it('keeps layers in drawing order without repeats, and cleans the caption', () => {
		expect(parseLayers(' homes , boundaries,homes')).toEqual(['boundaries', 'homes']);
		const spec = readMapView({ caption: `  Homes\n\tand\u0000 places ${'x'.repeat(400)}` });
		expect(spec.caption.startsWith('Homes and places x')).toBe(true);
		expect(spec.caption).toHaveLength(MAX_CAPTION_LENGTH);
	});

	it('reads an LA extent by its ONS code, in either case', () => {
		expect(parseExtent('e08000003')).toEqual({ kind: 'la', code: 'E08000003' });
		expect(parseExtent('region')).toEqual({ kind: 'region' });
		expect(parseExtent('bounds: -1, 51, 0.5, 52')).toEqual({ kind: 'bounds', bounds: [-1, 51, 0.5, 52] });
		expect(parseExtent('bounds:-1,51,0.5,')).toBeNull();
	});
});

describe('checkMapViewForm', () => {
	const members = ['E08000003', 'E08000001'];

	it('asks for a layer, a member area and a short caption', () => {
		const result = checkMapViewForm({ layers: [], extent: 'E10000016', caption: 'x'.repeat(301) }, members);
		expect(result.errors).toEqual({
			layers: 'Select at least one layer to show',
			extent: 'Select the whole region or one of its local authorities',
			caption: 'Caption must be 300 characters or fewer'
		});
	});

	it('gives the spec to insert when the form is good; child-level layers are not accepted', () => {
		const result = checkMapViewForm(
			{ layers: ['homes', 'placements', 'boundaries'], extent: 'E08000003', caption: ' Homes ' },
			members
		);
		expect(result).toEqual({
			spec: { layers: ['boundaries', 'homes'], extent: { kind: 'la', code: 'E08000003' }, caption: 'Homes' },
			errors: null
		});
		expect(
			checkMapViewForm({ layers: ['placements'], extent: 'region', caption: '' }, members).errors
		).toEqual({
			layers: 'Select at least one layer to show'
		});
	});
});
