import type { CurrentUser } from '$lib/domain/types';

/**
 * Every access decision of the map data API, in one place: the endpoints ask these questions and
 * nothing else, so sign-in and roles tighten the answers here. `user` is `event.locals.user` (null when
 * anonymous). For now everyone may see everything; the regions base map is open data, asked nothing.
 */

/** The RCC appears in listings and its region-level figures (summary, boundaries) may be read. */
export function canSeeRcc(_user: CurrentUser | null, _rccId: string): boolean {
	return true;
}

/** The homes layer (Ofsted's register, with locations placed in the right LA). */
export function canSeeHomes(_user: CurrentUser | null): boolean {
	return true;
}

/** Aggregated home locations of children (hotspots): meant for signed-in users only (DESIGN.md). */
export function canSeeChildLocations(_user: CurrentUser | null): boolean {
	return true;
}

/** Child-level records (placements) of the children this LA looks after. */
export function canSeeChildRecords(_user: CurrentUser | null, _laCode: string): boolean {
	return true;
}

/** The answer when a check fails: 401 when nobody is signed in, 403 when someone is but may not. */
export function denied(user: CurrentUser | null): Response {
	return user
		? Response.json({ message: 'You do not have access to this.' }, { status: 403 })
		: Response.json({ message: 'Sign in to see this.' }, { status: 401 });
}
