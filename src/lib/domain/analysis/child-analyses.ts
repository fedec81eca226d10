import type { AnalysisContext } from './analysis-context';
import { DISTANCE_BANDS } from './distance-band';
import type { ChildAnalysis } from './types';

/** Per-child results as plain objects (for tables, exports and tests); the context keeps them columnar. */
export function childAnalyses(context: AnalysisContext): ChildAnalysis[] {
	const { children, providers, laCodes, input } = context;
	const results: ChildAnalysis[] = new Array(children.count);
	for (let c = 0; c < children.count; c++) {
		const known = !Number.isNaN(children.miles[c]);
		const nearest = children.nearestProvider[c];
		results[c] = {
			id: input.children[c].id,
			laCode: input.children[c].laCode,
			miles: known ? children.miles[c] : null,
			band: known ? DISTANCE_BANDS[children.band[c]] : null,
			over20Miles: known ? children.miles[c] > context.thresholdMiles : null,
			insideLa: children.insideLa[c] === -1 ? null : children.insideLa[c] === 1,
			insideRcc: children.insideRcc[c] === -1 ? null : children.insideRcc[c] === 1,
			placementLaCode: children.placementLa[c] >= 0 ? laCodes[children.placementLa[c]] : null,
			nearestVacancy:
				nearest >= 0 ? { provider: providers.refs[nearest], miles: children.nearestMiles[c] } : null
		};
	}
	return results;
}
