export const RADIUS_MIN_MILES = 1;
export const RADIUS_MAX_MILES = 100;

export type ParsedRadius = { ok: true; miles: number } | { ok: false; error: string };

export interface RadiusRange {
	minMiles: number;
	maxMiles: number;
}

/**
 * A radius typed in miles (by default 1 to 100, the radius tool's), with a message saying what is
 * wrong. Other tools pass their own range.
 */
export function parseRadiusMiles(
	text: string,
	{ minMiles, maxMiles }: RadiusRange = { minMiles: RADIUS_MIN_MILES, maxMiles: RADIUS_MAX_MILES }
): ParsedRadius {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: 'Enter a radius in miles' };
	const miles = Number(trimmed);
	if (!Number.isFinite(miles)) return { ok: false, error: 'Radius must be a number, like 20' };
	if (miles < minMiles || miles > maxMiles)
		return { ok: false, error: `Radius must be between ${minMiles} and ${maxMiles} miles` };
	return { ok: true, miles };
}
