import { describe, expect, it } from 'vitest';
import { extentFromView } from './extent-from-view';
import { formatExtent } from './map-view-spec';

const greaterManchester: [number, number, number, number] = [-2.73, 53.33, -1.91, 53.69];

describe('extentFromView', () => {
	it('rounds outwards to about a thousandth of the smaller span, so the kept area holds the one seen', () => {
		const { extent } = extentFromView([-2.312345, 53.412345, -2.101234, 53.512345], greaterManchester);
		// Spans 0.21° by 0.1°: four decimals (0.0001° is about 7 m).
		expect(extent && formatExtent(extent)).toBe('bounds:-2.3124,53.4123,-2.1012,53.5124');
	});

	it('keeps fewer decimals for a wide view', () => {
		const { extent } = extentFromView([-3.456789, 52.987654, -0.123456, 54.876543], greaterManchester);
		expect(extent && formatExtent(extent)).toBe('bounds:-3.457,52.987,-0.123,54.877');
	});

	it('clamps a view zoomed out past the poles to what the map can store', () => {
		const { extent } = extentFromView([-200, -89.5, 200, 89.5], greaterManchester);
		expect(extent).toEqual({ kind: 'bounds', bounds: [-180, -85, 180, 85] });
	});

	it('refuses a view showing none of the region, and one with no area', () => {
		expect(extentFromView([0.1, 51.4, 0.3, 51.6], greaterManchester)).toEqual({
			extent: null,
			error: 'The map shows none of the region: move it back over the region, then use the view'
		});
		expect(extentFromView([-2.3, 53.4, -2.3, 53.5], greaterManchester).error).toMatch(/no area/);
		expect(extentFromView([-2.3, NaN, -2.2, 53.5], greaterManchester).error).toMatch(/no area/);
	});

	it('accepts any view when the region is not known yet', () => {
		expect(extentFromView([0.1, 51.4, 0.3, 51.6], null).extent?.kind).toBe('bounds');
	});
});
