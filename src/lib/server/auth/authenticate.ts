import type { RequestEvent } from '@sveltejs/kit';
import { clearSessionCookie } from './cookie';
import { SESSION_COOKIE, userFromSessionToken } from './sessions';

/** Session cookie -> `locals.user`. A cookie that no longer names a live session is removed. */
export async function authenticate(event: RequestEvent): Promise<void> {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token ? await userFromSessionToken(event.locals.runtime.db.sql, token) : null;
	event.locals.sessionExpired = Boolean(token) && event.locals.user === null;
	if (event.locals.sessionExpired) clearSessionCookie(event.cookies, event.url);
}
