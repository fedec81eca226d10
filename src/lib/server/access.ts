/**
 * Every access decision of the map data API, in one place. The endpoints ask these questions and
 * nothing else; sign-in and roles (a later issue) tighten the answers here. `user` is
 * `event.locals.user` (absent until sign-in exists). For now everyone may see everything.
 */

/** `event.locals.user`, whatever shape the sign-in code gives it (absent before sign-in exists). */
export function userOf(locals: object): unknown {
	return 'user' in locals ? locals.user : undefined;
}

/** The RCC appears in listings and its region-level figures may be read. */
export function canSeeRcc(_user: unknown, _rccId: string): boolean {
	return true;
}

/** The homes layer (Ofsted's register, with locations placed in the right LA). */
export function canSeeHomes(_user: unknown): boolean {
	return true;
}

/** Aggregated home locations of children (hotspots): signed-in users only, per DESIGN.md. */
export function canSeeChildLocations(_user: unknown): boolean {
	return true;
}

/** Child-level records (placements) of the children this LA looks after. */
export function canSeeChildRecords(_user: unknown, _laCode: string): boolean {
	return true;
}

/** The answer when a check fails: 401 when nobody is signed in, 403 when someone is but may not. */
export function denied(user: unknown): Response {
	return user
		? Response.json({ message: 'You do not have access to this.' }, { status: 403 })
		: Response.json({ message: 'Sign in to see this.' }, { status: 401 });
}
