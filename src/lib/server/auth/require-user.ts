import { redirect } from '@sveltejs/kit';
import type { CurrentUser } from '../../domain/types';

export function signInUrl(url: URL, expired = false): string {
	// A form action's `?/name` is not a page to come back to.
	const search = url.search.startsWith('?/') ? '' : url.search;
	const params = new URLSearchParams({ redirectTo: url.pathname + search });
	if (expired) params.set('expired', '1');
	return `/login?${params}`;
}

/** For pages: the signed-in user, or a redirect to sign in and then back to this page. */
export function requireUser(event: { locals: App.Locals; url: URL }): CurrentUser {
	if (event.locals.user) return event.locals.user;
	redirect(303, signInUrl(event.url, event.locals.sessionExpired));
}
