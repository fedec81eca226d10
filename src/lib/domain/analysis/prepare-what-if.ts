import type { AnalysisContext } from './analysis-context';

/**
 * Builds the what-if's starting point (the maximum matching of far-placed children to vacancies) now,
 * e.g. when the what-if tool opens, instead of on the first drag. Idempotent.
 */
export function prepareWhatIf(context: AnalysisContext): void {
	context.whatIfBase();
}
