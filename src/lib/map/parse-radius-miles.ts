export const RADIUS_MIN_MILES = 1;
export const RADIUS_MAX_MILES = 100;

export type ParsedRadius = { ok: true; miles: number } | { ok: false; error: string };

/** The radius tool's input: a number of miles from 1 to 100, with a message saying what is wrong. */
export function parseRadiusMiles(text: string): ParsedRadius {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: 'Enter a radius in miles' };
	const miles = Number(trimmed);
	if (!Number.isFinite(miles)) return { ok: false, error: 'Radius must be a number, like 20' };
	if (miles < RADIUS_MIN_MILES || miles > RADIUS_MAX_MILES)
		return {
			ok: false,
			error: `Radius must be between ${RADIUS_MIN_MILES} and ${RADIUS_MAX_MILES} miles`
		};
	return { ok: true, miles };
}
