import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, type NewSession } from './sessions';

/** HttpOnly, SameSite=Lax; Secure whenever the request came over HTTPS (set ORIGIN or PROTOCOL_HEADER behind a proxy). */
function options(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

export function setSessionCookie(cookies: Cookies, url: URL, session: NewSession): void {
	cookies.set(SESSION_COOKIE, session.token, { ...options(url), expires: session.cookieExpiresAt });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, options(url));
}
