import { cellToBoundary, latLngToCell } from 'h3-js';
import { sumRelation, suppressRelated } from './suppress-related';
import { isSmallCount } from './suppression';
import type { LonLat } from './types';

/** DESIGN.md privacy: a hotspot cell is drawn only when it holds at least this many children. */
export const MIN_CHILDREN_PER_CELL = 5;

export interface HotspotChild {
	/** The child's generalised home location. */
	home: LonLat;
	over20Miles: boolean;
	/** A child of the reader's own LA: they hold the record, so they can count these in any cell. */
	own?: boolean;
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
 * reveal the other; with `own` children (the reader's LA's), nothing shown may give another LA's 1 to 4
 * less the reader's share either. Cells come sorted by index, so the output is deterministic.
 */
export function hotspots(children: Iterable<HotspotChild>, resolution: number): HotspotCell[] {
	const counts = new Map<string, HotspotCount>();
	for (const child of children) {
		const cell = latLngToCell(child.home[1], child.home[0], resolution);
		let count = counts.get(cell);
		if (!count) counts.set(cell, (count = { children: 0, over20Miles: 0, own: 0, ownOver20Miles: 0 }));
		count.children += 1;
		if (child.over20Miles) count.over20Miles += 1;
		if (child.own) count.own += 1;
		if (child.own && child.over20Miles) count.ownOver20Miles += 1;
	}
	const cells: HotspotCell[] = [];
	// Cell ids are distinct map keys and V8's sort reads only whether the comparator is below zero, so
	// mutants of the equal and greater-than branches are equivalent (docs/mutation.md).
	// Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
	for (const [h3, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (count.children < MIN_CHILDREN_PER_CELL) continue;
		const shown = hotspotShown(count);
		if (!shown.children) continue;
		cells.push({
			h3,
			children: count.children,
			over20Miles: shown.over20Miles ? count.over20Miles : null,
			ring: cellToBoundary(h3, true) as LonLat[]
		});
	}
	return cells;
}

/** A hexagon's children, and those of them that are the reader's own LA's. */
export interface HotspotCount {
	children: number;
	over20Miles: number;
	own: number;
	ownOver20Miles: number;
}

/**
 * Which of a hexagon's figures a reader may see: its total (else the hexagon is not drawn) and its
 * over-20-miles count. Without the reader's own children in it: over and within 20 miles split the
 * cell, and either small gives the other away with the total. With them, the total and the over-20
 * count less the reader's share are the other LAs' children: the cell's figures (total, over and
 * within 20 miles, each split into the reader's and the others') are suppressed together, and only the
 * others' are protected (`suppressRelated`).
 */
export function hotspotShown(count: HotspotCount): { children: boolean; over20Miles: boolean } {
	const { children, over20Miles, own, ownOver20Miles } = count;
	if (own === 0) {
		return {
			children: true,
			over20Miles: !isSmallCount(over20Miles) && !isSmallCount(children - over20Miles)
		};
	}
	// 0 total, 1 over, 2 within; 3-5 the reader's (known); 6-8 the others'.
	const values = [children, over20Miles, children - over20Miles, own, ownOver20Miles, own - ownOver20Miles];
	const cells = [
		...values.map((value, i) => ({ value, known: i >= 3, sensitive: false })),
		...[0, 1, 2].map((i) => ({ value: values[i] - values[i + 3] }))
	];
	const out = suppressRelated(cells, [
		sumRelation(0, [1, 2]),
		sumRelation(3, [4, 5]),
		sumRelation(6, [7, 8]),
		sumRelation(0, [3, 6]),
		sumRelation(1, [4, 7]),
		sumRelation(2, [5, 8])
	]);
	return { children: !out[0].suppressed, over20Miles: !out[0].suppressed && !out[1].suppressed };
}
