import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { clientOf } from '$lib/server/auth/client';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signIn, WRONG_CREDENTIALS } from '$lib/server/auth/sign-in';
import { tryAgainIn } from '$lib/server/auth/throttle';
import type { RequestHandler } from './$types';

const Credentials = z.object({
	email: z.string().min(1).max(320),
	password: z.string().min(1).max(1000)
});

export const POST: RequestHandler = async (event) => {
	// The hook has already refused a body that is not JSON.
	const parsed = Credentials.safeParse(await event.request.json().catch(() => null));
	if (!parsed.success) {
		return json({ message: 'Send a JSON object with an email and a password.' }, { status: 400 });
	}
	const result = await signIn(event.locals.runtime.db.sql, { ...parsed.data, ...clientOf(event) });
	if (!result.ok && result.reason === 'throttled') {
		return json(
			{
				message: `Too many failed sign-ins. ${tryAgainIn(result.retryAfterSeconds)}`,
				retryAfterSeconds: result.retryAfterSeconds
			},
			{ status: 429, headers: { 'retry-after': String(result.retryAfterSeconds) } }
		);
	}
	if (!result.ok) return json({ message: WRONG_CREDENTIALS }, { status: 401 });
	// A session this browser held before is ended, not left behind.
	const previous = event.cookies.get(SESSION_COOKIE);
	if (previous) await deleteSession(event.locals.runtime.db.sql, previous);
	setSessionCookie(event.cookies, event.url, result.session);
	return json({ ok: true, expiresAt: result.session.expiresAt.toISOString() });
};
