import type { CoverageGaps, GapCell } from '$lib/domain/analysis';
import { sumRelation, suppressRelated } from '$lib/domain/suppress-related';
import type { LonLat } from '$lib/domain/types';

export interface PublicGapCell {
	cell: string;
	rank: number;
	children: number;
	/** The children of the reader's own LAs in this cell (they may see their own), else absent. */
	ownChildren?: number;
	ring: LonLat[];
}

/**
 * Whether a cell's total may be shown to a reader who knows their own LAs' share of it: the total
 * minus their share is the other LAs' children, which must not be 1 to 4 (DESIGN.md). The cell's
 * figures (total = own + others) go through `suppressRelated` like every other related set.
 */
function totalShown(cell: GapCell, own: number): boolean {
	const [total] = suppressRelated(
		[{ value: cell.children }, { value: own, known: true }, { value: cell.children - own }],
		[sumRelation(0, [1, 2])]
	);
	return !total.suppressed;
}

/**
 * Gaps as they may leave the owning LAs: cells of fewer than five children are dropped (DESIGN.md), and
 * so is a cell whose total would give a reader, less their own LAs' share, another LA's 1 to 4; the
 * rest are re-ranked. A cell's split by LA is not published (one LA's small share could be worked out
 * from the total), except the reader's own LAs' share.
 */
export function suppressGaps(gaps: CoverageGaps, ownLaCodes: readonly string[]): PublicGapCell[] {
	const rings = new Map(gaps.geojson.features.map((f) => [f.id, f.geometry.coordinates[0]]));
	const ownOf = (cell: GapCell) => ownLaCodes.reduce((sum, code) => sum + (cell.byLa[code] ?? 0), 0);
	return gaps.ranked
		.filter((cell) => !cell.belowThreshold && totalShown(cell, ownOf(cell)))
		.map((cell, index) => ({
			cell: cell.cell,
			rank: index + 1,
			children: cell.children,
			...(ownLaCodes.length > 0 ? { ownChildren: ownOf(cell) } : {}),
			ring: rings.get(cell.cell) ?? []
		}));
}
