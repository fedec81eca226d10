import type { AnalysisContext } from '$lib/domain/analysis';
import type { PlacementType } from '$lib/domain/types';

/** One child placed beyond the threshold, as the commissioner's list shows them (no names, ever). */
export interface FarPlacedChild {
	/** The synthetic child id the API gives (a pseudonym). */
	id: string;
	miles: number;
	placementType: PlacementType;
	age: number;
	/** Null when the placement lies outside every LA given (e.g. Wales). */
	placementLaCode: string | null;
	insideLa: boolean;
}

/**
 * The children of one LA placed more than `overMiles` (default: the context's threshold, 20 miles) from
 * home, furthest first (ties by id, so pages are stable). Runs in the worker: an LA can have hundreds.
 */
export function farPlacedChildren(
	context: AnalysisContext,
	options: { laCode: string; overMiles?: number }
): FarPlacedChild[] {
	const { children, input, laCodes } = context;
	const la = context.laIndexByCode.get(options.laCode);
	if (la === undefined) return [];
	const over = options.overMiles ?? context.thresholdMiles;
	const found: FarPlacedChild[] = [];
	for (let c = 0; c < children.count; c++) {
		// NaN (placement unknown) is never over.
		if (children.laIndex[c] !== la || !(children.miles[c] > over)) continue;
		const child = input.children[c];
		found.push({
			id: child.id,
			miles: children.miles[c],
			placementType: child.placementType,
			age: child.age,
			placementLaCode: children.placementLa[c] >= 0 ? laCodes[children.placementLa[c]] : null,
			insideLa: children.insideLa[c] === 1
		});
	}
	return found.sort((a, b) => b.miles - a.miles || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
