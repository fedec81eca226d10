import { fail } from '@sveltejs/kit';
import * as audit from '$lib/server/audit';
import { clientOf } from '$lib/server/auth/client';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '$lib/server/auth/password';
import { requireUser } from '$lib/server/auth/require-user';
import { sessionsChanged } from '$lib/server/auth/session-events';
import { createSession } from '$lib/server/auth/sessions';
import { setPassword } from '$lib/server/auth/set-password';
import { attemptSucceeded, beginAttempt, tryAgainIn } from '$lib/server/auth/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { account: { email: user.email, name: user.name, la: user.la, roles: user.roles } };
};

export const actions: Actions = {
	/** A new password ends every session of the account (a stolen one included) and starts a fresh one here. */
	password: async (event) => {
		const user = requireUser(event);
		const { sql } = event.locals.runtime.db;
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		const again = String(form.get('again') ?? '');
		const client = clientOf(event);
		// Guessing the current password from a session left open is throttled like guessing it at sign-in,
		// and counts towards the same delays.
		const attempt = await beginAttempt(sql, { email: user.email, address: client.address });
		if (!attempt.ok) {
			event.setHeaders({ 'retry-after': String(attempt.retryAfterSeconds) });
			return fail(429, {
				errors: [
					{
						field: 'current' as const,
						message: `Too many wrong passwords. ${tryAgainIn(attempt.retryAfterSeconds)}`
					}
				]
			});
		}
		const errors: { field: 'current' | 'next' | 'again'; message: string }[] = [];
		const [row] = await sql<
			{ password_hash: string | null }[]
		>`select password_hash from users where id = ${user.id}`;
		if (row?.password_hash && (await verifyPassword(current, row.password_hash))) {
			await attemptSucceeded(sql, attempt);
		} else {
			errors.push({ field: 'current', message: 'Your current password is wrong' });
		}
		if (next.length < MIN_PASSWORD_LENGTH || next.length > 1000) {
			errors.push({
				field: 'next',
				message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters`
			});
		} else if (next === current) {
			errors.push({ field: 'next', message: 'Choose a password different from the current one' });
		}
		if (next !== again) errors.push({ field: 'again', message: 'The two new passwords differ' });
		if (errors.length > 0) return fail(400, { errors });
		const passwordHash = await hashPassword(next);
		const session = await sql.begin(async (tx) => {
			await setPassword(tx, user.id, passwordHash);
			await audit.record(tx, {
				action: 'user.password_set',
				actor: user,
				subject: user.email,
				address: client.address
			});
			return createSession(tx, user.id, client);
		});
		setSessionCookie(event.cookies, event.url, session);
		sessionsChanged(user.id);
		return { changed: true };
	}
};
