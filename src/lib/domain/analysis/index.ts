export type * from './types';
export type { AnalysisContext } from './analysis-context';
export { prepareAnalysis, type PrepareOptions } from './prepare-analysis';
export { parseAnalysisInput, analysisInputSchema, AnalysisInputError } from './parse-analysis-input';
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
export { placementLines, type HomeArea, type PlacementLine } from './placement-lines';
export { withinRadius, type RadiusSummary } from './within-radius';
export type { LonLat } from '../types';
