import type postgres from 'postgres';
import { coverageGaps } from '$lib/domain/analysis';
import { gapBreakdown } from '$lib/domain/analysis/gap-breakdown';
import type { CurrentUser } from '$lib/domain/types';
import { canSeeChildRecords } from '../access';
import type { Rcc } from '../db/rccs';
import { regionAnalysis } from './region-analysis';
import { suppressGapBreakdown, type PublicGapBreakdown } from './suppress-gap-breakdown';
import { suppressGaps, type PublicGapCell } from './suppress-gaps';

/** The map's gaps layer asks for resolution 5 unless told otherwise (gaps.json). */
export const DEFAULT_GAP_RESOLUTION = 5;

export type PublishedGapCell = PublicGapCell & { unserved: PublicGapBreakdown };

/**
 * The RCC's gaps as this reader may see them (suppress-gaps.ts, suppress-gap-breakdown.ts): gaps.json and
 * the gaps export are both this. The caller has checked `canSeeChildLocations` and that the RCC is not
 * England.
 */
export async function gapCells(
	sql: postgres.Sql,
	rcc: Rcc,
	user: CurrentUser | null,
	resolution: number
): Promise<PublishedGapCell[]> {
	const context = await regionAnalysis(sql, rcc);
	const gaps = coverageGaps(context, { resolution, laCodes: rcc.laCodes });
	const own = rcc.laCodes.filter((code) => canSeeChildRecords(user, code));
	const cells = suppressGaps(gaps, own);
	const published = new Set(cells.map((cell) => cell.cell));
	const breakdowns = new Map(
		gapBreakdown(context, { ...gaps, ranked: gaps.ranked.filter((cell) => published.has(cell.cell)) }).map(
			(breakdown) => [breakdown.cell, suppressGapBreakdown(breakdown, own)]
		)
	);
	return cells.map((cell) => ({ ...cell, unserved: breakdowns.get(cell.cell)! }));
}
