import type { CoverageGaps } from '$lib/domain/analysis';
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
 * Gaps as they may leave the owning LAs: cells of fewer than five children are dropped (DESIGN.md), the
 * rest re-ranked; a cell's split by LA is not published (one LA's small share could be worked out from
 * the total), except the reader's own LAs' share.
 */
export function suppressGaps(gaps: CoverageGaps, ownLaCodes: readonly string[]): PublicGapCell[] {
	const rings = new Map(gaps.geojson.features.map((f) => [f.id, f.geometry.coordinates[0]]));
	return gaps.ranked
		.filter((cell) => !cell.belowThreshold)
		.map((cell, index) => {
			const own = ownLaCodes.reduce((sum, code) => sum + (cell.byLa[code] ?? 0), 0);
			return {
				cell: cell.cell,
				rank: index + 1,
				children: cell.children,
				...(ownLaCodes.length > 0 ? { ownChildren: own } : {}),
				ring: rings.get(cell.cell) ?? []
			};
		});
}
