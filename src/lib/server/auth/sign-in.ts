import type postgres from 'postgres';
import * as audit from '../audit';
import { dummyHash, verifyPassword } from './password';
import { createSession, deleteExpiredSessions, type NewSession } from './sessions';
import { attemptSucceeded, beginAttempt } from './throttle';

/** The one answer for an unknown email and a wrong password alike (no account enumeration). */
export const WRONG_CREDENTIALS = 'The email or password is wrong.';

export type SignInResult =
	| { ok: true; userId: number; session: NewSession }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface SignInAttempt {
	email: string;
	password: string;
	address: string | null;
	userAgent: string | null;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function signIn(sql: postgres.Sql, attempt: SignInAttempt): Promise<SignInResult> {
	const email = normaliseEmail(attempt.email).slice(0, 320);
	const throttle = await beginAttempt(sql, { email, address: attempt.address });
	if (!throttle.ok) {
		await audit.record(sql, {
			action: 'sign_in.throttled',
			actorEmail: email,
			address: attempt.address,
			details: { retryAfterSeconds: throttle.retryAfterSeconds }
		});
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	}
	const [user] = await sql<{ id: number; email: string; password_hash: string | null }[]>`
		select id, email, password_hash from users where email = ${email} and not disabled`;
	// An unknown account costs one hash too, so timing does not tell whether the email exists.
	const matches = await verifyPassword(attempt.password, user?.password_hash ?? (await dummyHash()));
	if (!user || !user.password_hash || !matches) {
		await audit.record(sql, {
			action: 'sign_in.failed',
			actor: user ? { id: user.id, email: user.email } : null,
			actorEmail: email,
			address: attempt.address
		});
		return { ok: false, reason: 'wrong' };
	}
	await attemptSucceeded(sql, throttle);
	await deleteExpiredSessions(sql);
	const session = await createSession(sql, user.id, {
		address: attempt.address,
		userAgent: attempt.userAgent
	});
	await sql`update users set last_sign_in_at = now() where id = ${user.id}`;
	await audit.record(sql, {
		action: 'sign_in',
		actor: { id: user.id, email: user.email },
		address: attempt.address
	});
	return { ok: true, userId: user.id, session };
}
