import { tallyByLa, type ChildPlacement } from '$lib/domain/summary';
import { suppressAreaFigures, type AreaFigures } from '$lib/domain/suppression';
import type { AreaSummary, CurrentUser, RccSummary } from '$lib/domain/types';
import { canSeeChildRecords } from './access';

export interface ChildFigures {
	byLa: Map<string, AreaFigures>;
	region: AreaFigures;
}

/**
 * The child figures of each member LA and of the region as they may leave the owning LA for this user:
 * small numbers and whatever would reveal them withheld; a commissioner's own LA shown in full. Every
 * endpoint that shows child counts (summary, listing, boundaries) takes them from here, so that no two
 * answers differ in a way that could be subtracted.
 */
export function childFigures(
	laCodes: readonly string[],
	children: Iterable<ChildPlacement>,
	user: CurrentUser | null
): ChildFigures {
	const tallies = tallyByLa(laCodes, { children, homes: [], fostering: [] });
	// An LA without child records is unknown, not zero (as in summariseRcc).
	const counts = laCodes.map((code) => {
		const tally = tallies.get(code);
		return tally && tally.children > 0
			? { children: tally.children, outsideLa: tally.outsideLa, over20Miles: tally.over20Miles }
			: { children: null, outsideLa: null, over20Miles: null };
	});
	const figures = suppressAreaFigures(counts, { known: (i) => canSeeChildRecords(user, laCodes[i]) });
	return { byLa: new Map(laCodes.map((code, i) => [code, figures.las[i]])), region: figures.region };
}

function apply(area: AreaSummary, figures: AreaFigures | undefined): AreaSummary {
	if (!figures) return area;
	const set = (published: number | null, withheld: AreaFigures[keyof AreaFigures]) => ({
		computed: withheld.value,
		published,
		...(withheld.suppressed ? { suppressed: true } : {})
	});
	return {
		...area,
		childrenLookedAfter: set(area.childrenLookedAfter.published, figures.childrenLookedAfter),
		percentOutsideLa: set(area.percentOutsideLa.published, figures.percentOutsideLa),
		percentOver20Miles: set(area.percentOver20Miles.published, figures.percentOver20Miles)
	};
}

/** The summary with its child figures replaced by the suppressed ones. */
export function withChildFigures(summary: RccSummary, figures: ChildFigures): RccSummary {
	return {
		...summary,
		las: summary.las.map((area) => apply(area, figures.byLa.get(area.code))),
		region: apply(summary.region, figures.region)
	};
}
