/**
 * Hotspot cells come sorted by H3 index whatever order the children arrive in (the mutation run,
 * docs/mutation.md, found the sort untested: the existing test's input was already in index order).
 */
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { hotspots, type HotspotChild } from './hotspots';
import type { LonLat } from './types';

const RESOLUTION = 6;
const places: LonLat[] = [
	[-2.24, 53.48],
	[-0.14, 50.82],
	[-1.9, 52.48],
	[-1.55, 53.8]
].map(([lon, lat]) => {
	const [cellLat, cellLon] = cellToLatLng(latLngToCell(lat, lon, RESOLUTION));
	return [cellLon, cellLat];
});
const indexOf = ([lon, lat]: LonLat) => latLngToCell(lat, lon, RESOLUTION);
const five = (at: LonLat): HotspotChild[] =>
	Array.from({ length: 5 }, () => ({ home: at, over20Miles: false }));

describe('hotspots order', () => {
	it('sorts cells by index, from input in ascending, descending and mixed order', () => {
		const ascending = [...places].sort((a, b) => (indexOf(a) < indexOf(b) ? -1 : 1));
		const expected = ascending.map(indexOf);
		for (const order of [
			ascending,
			[...ascending].reverse(),
			[ascending[2], ascending[0], ascending[3], ascending[1]]
		]) {
			expect(hotspots(order.flatMap(five), RESOLUTION).map((cell) => cell.h3)).toEqual(expected);
		}
	});
});
