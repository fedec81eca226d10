// Relative, not $lib: the collaboration server (server/collab, run by tsx) asks these questions too.
import { ENGLAND_ID, type CurrentUser, type RoleGrant } from '../domain/types';

/** Whoever holds roles: a signed-in user, or the collaboration server's user of a socket. */
export interface RoleHolder {
	roles: readonly Pick<RoleGrant, 'rccId' | 'role'>[];
}

/**
 * Every access decision, in one place (DESIGN.md "Privacy and access"); endpoints, pages and the
 * collaboration server ask these questions and nothing else. `user` is `event.locals.user` (null when
 * anonymous).
 *
 * - Anonymous visitors see published material only: every map-data endpoint answers 401.
 * - A signed-in person sees the RCCs they hold a role in, and England as a whole (aggregates only). An
 *   RCC they hold no role in answers 404, exactly as an RCC that does not exist, so that its existence
 *   is not revealed.
 * - Children's homes (exact locations, though approximate in the demo): people with a role in the RCC
 *   the home's LA belongs to.
 * - Child-level records (placements): a commissioner, for the children of their own LA only. Viewers
 *   and RCC administrators see aggregates, which leave the owning LA through small-number suppression.
 */

/** The map data API at all: signed-in people only. */
export function canSeeMapData(user: CurrentUser | null): user is CurrentUser {
	return user !== null;
}

export function roleIn<Holder extends RoleHolder>(
	user: Holder | null,
	rccId: string
): Holder['roles'][number] | undefined {
	return user?.roles.find((grant) => grant.rccId === rccId);
}

/** The RCC appears in listings and its region-level figures (summary, boundaries, hotspots) may be read. */
export function canSeeRcc(user: CurrentUser | null, rccId: string): boolean {
	if (!user) return false;
	return rccId === ENGLAND_ID || roleIn(user, rccId) !== undefined;
}

/** The homes of an RCC's member LAs (for England: of the RCCs the user holds a role in). */
export function canSeeHomes(user: CurrentUser | null, rccId: string): boolean {
	return rccId !== ENGLAND_ID && roleIn(user, rccId) !== undefined;
}

/** Aggregated home locations of children (hotspots of 5 or more): anyone who may see the RCC. */
export function canSeeChildLocations(user: CurrentUser | null, rccId: string): boolean {
	return canSeeRcc(user, rccId);
}

/** Child-level records (placements) of the children this LA looks after: its own commissioners only. */
export function canSeeChildRecords(user: CurrentUser | null, laCode: string): boolean {
	return user?.roles.some((grant) => grant.role === 'commissioner' && grant.laCode === laCode) ?? false;
}

/** Managing an RCC's users and member LAs, reading its audit log, publishing its strategy. */
export function canAdministerRcc(user: CurrentUser | null, rccId: string): boolean {
	return roleIn(user, rccId)?.role === 'rcc_admin';
}

/** Editing an RCC's plans and scenarios. */
export function canEditPlans(user: RoleHolder | null, rccId: string): boolean {
	const role = roleIn(user, rccId)?.role;
	return role === 'commissioner' || role === 'rcc_admin';
}

/** The answer when a check fails: 401 when nobody is signed in, 403 when someone is but may not. */
export function denied(user: CurrentUser | null): Response {
	return user
		? Response.json({ message: 'You do not have access to this.' }, { status: 403 })
		: Response.json({ message: 'Sign in to see this.' }, { status: 401 });
}
