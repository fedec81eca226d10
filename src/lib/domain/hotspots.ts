import { cellToBoundary, latLngToCell } from 'h3-js';
import { isSmallCount } from './suppression';
import type { LonLat } from './types';

/** DESIGN.md privacy: a hotspot cell is drawn only when it holds at least this many children. */
export const MIN_CHILDREN_PER_CELL = 5;

export interface HotspotChild {
	/** The child's generalised home location. */
	home: LonLat;
	over20Miles: boolean;
}

export interface HotspotCell {
	h3: string;
	children: number;
	/** Null when suppressed: it, or the number of children in the cell within 20 miles, is 1 to 4. */
	over20Miles: number | null;
	/** The cell's outline, closed (first point repeated last), [lon, lat]. */
	ring: LonLat[];
}

/**
 * Aggregates children's home locations into H3 cells at `resolution` (6 for a region, ~36 km² a cell;
 * 5 for England), keeping only cells of at least MIN_CHILDREN_PER_CELL children. The over-20-miles
 * count is withheld when it, or its complement in the cell, is a small number, since either would
 * reveal the other. Cells come sorted by index, so the output is deterministic.
 */
export function hotspots(children: Iterable<HotspotChild>, resolution: number): HotspotCell[] {
	const counts = new Map<string, { children: number; over20Miles: number }>();
	for (const child of children) {
		const cell = latLngToCell(child.home[1], child.home[0], resolution);
		let count = counts.get(cell);
		if (!count) counts.set(cell, (count = { children: 0, over20Miles: 0 }));
		count.children += 1;
		if (child.over20Miles) count.over20Miles += 1;
	}
	const cells: HotspotCell[] = [];
	// Cell ids are distinct map keys and V8's sort reads only whether the comparator is below zero, so
	// mutants of the equal and greater-than branches are equivalent (docs/mutation.md).
	// Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
	for (const [h3, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (count.children < MIN_CHILDREN_PER_CELL) continue;
		const withheld = isSmallCount(count.over20Miles) || isSmallCount(count.children - count.over20Miles);
		cells.push({
			h3,
			children: count.children,
			over20Miles: withheld ? null : count.over20Miles,
			ring: cellToBoundary(h3, true) as LonLat[]
		});
	}
	return cells;
}
