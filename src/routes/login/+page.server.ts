import { fail, redirect } from '@sveltejs/kit';
import { clientOf } from '$lib/server/auth/client';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectTarget } from '$lib/server/auth/safe-redirect-target';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signIn, WRONG_CREDENTIALS } from '$lib/server/auth/sign-in';
import { tryAgainIn } from '$lib/server/auth/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, redirectTo);
	return {
		redirectTo,
		expired: url.searchParams.has('expired') || locals.sessionExpired,
		demo: locals.runtime.config.demo
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const redirectTo = safeRedirectTarget(String(form.get('redirectTo') ?? '/'), event.url.origin);
		const errors: { field: 'email' | 'password'; message: string }[] = [];
		if (!email) errors.push({ field: 'email', message: 'Enter your email address' });
		if (!password) errors.push({ field: 'password', message: 'Enter your password' });
		if (errors.length > 0 || email.length > 320 || password.length > 1000) {
			return fail(400, { email, errors });
		}
		const result = await signIn(event.locals.runtime.db.sql, { email, password, ...clientOf(event) });
		if (!result.ok && result.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				email,
				errors: [
					{
						field: 'email' as const,
						message: `Too many failed sign-ins. ${tryAgainIn(result.retryAfterSeconds)}`
					}
				]
			});
		}
		if (!result.ok)
			return fail(401, { email, errors: [{ field: 'email' as const, message: WRONG_CREDENTIALS }] });
		// A session this browser held before is ended, not left behind.
		const previous = event.cookies.get(SESSION_COOKIE);
		if (previous) await deleteSession(event.locals.runtime.db.sql, previous);
		setSessionCookie(event.cookies, event.url, result.session);
		redirect(303, redirectTo);
	}
};
