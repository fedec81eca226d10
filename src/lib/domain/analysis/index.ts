/**
 * The analysis engine: pure TypeScript, no DOM and no Node APIs, so it runs on the server and in the
 * browser's analysis worker alike.
 *
 *   const context = prepareAnalysis(input);          // validates (zod), then everything per child, ~0.3-0.6 s CPU nationally
 *   childAnalyses(context);                            // miles, band, over 20, inside LA / RCC, nearest vacancy
 *   summariseDistances(context, { suppress: isSmallCount }); // per LA, RCC, England (suppression.ts rule)
 *   nearestSuitableVacancies(context, { childId }, { k: 5, radiusMiles: 20 });
 *   coverageGaps(context, { resolution: 6 });          // H3 hexagons + ranked list, belowThreshold flags
 *   prepareWhatIf(context);                            // the what-if's starting point (else built on first whatIf)
 *   whatIf(context, [{ action: 'add', ... }]);          // ~1 ms a call: recompute while dragging
 *   placementLines(context, { type: 'la', code });     // child-level: only for users allowed to see them
 *   withinRadius(context, [lon, lat], 10);
 *
 * In the browser, use $lib/analysis-worker (createAnalysisClient) so the page stays responsive.
 */
export type * from './types';
export type { AnalysisContext } from './analysis-context';
export { prepareAnalysis, type PrepareOptions } from './prepare-analysis';
export { parseAnalysisInput, analysisInputSchema, AnalysisInputError } from './parse-analysis-input';
export { parseProposals } from './parse-proposals';
export { haversineMiles, EARTH_RADIUS_MILES } from './haversine-miles';
export { distanceBand, distanceBandIndex, DISTANCE_BANDS, OVER_MILES } from './distance-band';
export { createPolygonIndex, type PolygonIndex } from './polygon-index';
export { childAnalyses } from './child-analyses';
export { summariseDistances, type SummariseOptions } from './summarise-distances';
export {
	nearestSuitableVacancies,
	type VacancySeeker,
	type NearestOptions
} from './nearest-suitable-vacancies';
export {
	coverageGaps,
	MIN_CHILDREN_PER_GAP_CELL,
	type CoverageGaps,
	type CoverageGapOptions,
	type GapCell
} from './coverage-gaps';
export { whatIf, type WhatIfOptions } from './what-if';
export { prepareWhatIf } from './prepare-what-if';
export { placementLines, type HomeArea, type PlacementLine } from './placement-lines';
export { withinRadius, type RadiusSummary } from './within-radius';
export type { LonLat } from '../types';
