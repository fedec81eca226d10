import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { hotspots, type HotspotChild } from './hotspots';
import type { LonLat } from './types';

const RESOLUTION = 6;
/** The centres of two distinct resolution-6 cells, in Manchester and in Brighton. */
const manchester = centre(53.48, -2.24);
const brighton = centre(50.82, -0.14);

function centre(lat: number, lon: number): LonLat {
	const [cellLat, cellLon] = cellToLatLng(latLngToCell(lat, lon, RESOLUTION));
	return [cellLon, cellLat];
}

function children(at: LonLat, count: number, over20Miles: number): HotspotChild[] {
	return Array.from({ length: count }, (_, i) => ({ home: at, over20Miles: i < over20Miles }));
}

describe('hotspots', () => {
	it('omits a cell of 4 children and keeps a cell of 5', () => {
		const cells = hotspots([...children(manchester, 4, 0), ...children(brighton, 5, 0)], RESOLUTION);
		expect(cells).toHaveLength(1);
		expect(cells[0].h3).toBe(latLngToCell(brighton[1], brighton[0], RESOLUTION));
		expect(cells[0].children).toBe(5);
		expect(cells[0].over20Miles).toBe(0);
	});

	it('withholds an over-20-miles count between 1 and 4', () => {
		const [cell] = hotspots(children(manchester, 12, 3), RESOLUTION);
		expect(cell.children).toBe(12);
		expect(cell.over20Miles).toBeNull();
	});

	it('withholds the over-20-miles count when the children within 20 miles number 1 to 4', () => {
		const [cell] = hotspots(children(manchester, 9, 7), RESOLUTION);
		expect(cell.over20Miles).toBeNull();
	});

	it('shows counts of 5 or more, and all or none of the cell over 20 miles', () => {
		expect(hotspots(children(manchester, 10, 5), RESOLUTION)[0].over20Miles).toBe(5);
		expect(hotspots(children(manchester, 6, 6), RESOLUTION)[0].over20Miles).toBe(6);
	});

	it('gives each cell a closed hexagon around its children, as [lon, lat]', () => {
		const [cell] = hotspots(children(manchester, 5, 0), RESOLUTION);
		expect(cell.ring).toHaveLength(7);
		expect(cell.ring[0]).toEqual(cell.ring[6]);
		for (const [lon, lat] of cell.ring) {
			expect(Math.abs(lon - manchester[0])).toBeLessThan(0.1);
			expect(Math.abs(lat - manchester[1])).toBeLessThan(0.1);
		}
	});

	it('returns nothing for no children, and cells sorted by index', () => {
		expect(hotspots([], RESOLUTION)).toEqual([]);
		const cells = hotspots([...children(brighton, 5, 0), ...children(manchester, 5, 0)], RESOLUTION);
		expect(cells.map((c) => c.h3)).toEqual(cells.map((c) => c.h3).sort());
	});
});

describe('hotspots for a reader with their own LA’s children in them', () => {
	const own = (list: HotspotChild[]) => list.map((child) => ({ ...child, own: true }));

	it('does not draw a cell whose total less the reader’s own children is another LA’s 1 to 4', () => {
		// 9 children: 7 the reader's, 2 another LA's. Drawn as 9, it gives away the 2.
		const cells = hotspots([...own(children(manchester, 7, 0)), ...children(manchester, 2, 0)], RESOLUTION);
		expect(cells).toEqual([]);
		// Without the reader's share the same cell is drawn: 9 is all a reader learns.
		expect(hotspots(children(manchester, 9, 0), RESOLUTION).map((c) => c.children)).toEqual([9]);
	});

	it('draws a cell of the reader’s own children and others’ 5 or more, withholding a small others’ over-20', () => {
		const cells = hotspots(
			[...own(children(manchester, 6, 3)), ...children(manchester, 8, 2), ...own(children(brighton, 5, 5))],
			RESOLUTION
		);
		expect(cells.map((c) => [c.children, c.over20Miles])).toEqual([
			[5, 5],
			[14, null]
		]);
	});
});

describe('hotspots for a reader whose own children fill the cell', () => {
	it('shows the cell and its over-20 count: the small count is all the reader’s', () => {
		const cells = hotspots(
			children(manchester, 6, 1).map((child) => ({ ...child, own: true })),
			RESOLUTION
		);
		expect(cells.map((c) => [c.children, c.over20Miles])).toEqual([[6, 1]]);
	});
});
