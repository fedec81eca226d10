/**
 * How many cases a property test tries. Normal runs try the full count; the mutation run sets
 * PROPERTY_RUNS (tests/mutation/vitest.unit.config.ts) because it re-runs each property test once per
 * mutant it covers, and a small sample still kills what the full count kills in practice while keeping
 * the run to minutes. Never fewer than 1, never more than asked for.
 */
export function propertyRuns(full: number): number {
	const asked = Number(process.env.PROPERTY_RUNS);
	if (!Number.isInteger(asked) || asked < 1) return full;
	return Math.min(full, asked);
}
