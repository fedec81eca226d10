import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import {
	createSession,
	deleteSession,
	hashToken,
	SESSION_COOKIE
} from '../../../src/lib/server/auth/sessions';

/**
 * Every way a session cookie can stop being good, for tests of the HTTP hook and of the websocket upgrade:
 * `live`; `expired` (past its end); `revoked` (deleted, as by sign-out or a password change); `disabled`
 * (the account was disabled: this disables the user for every session); `unknown` (never issued).
 */
export const SESSION_STATES = ['live', 'expired', 'revoked', 'disabled', 'unknown'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** The `Cookie` header value a browser would send: a real session made in the database, then put in that state. */
export async function sessionCookie(sql: postgres.Sql, userId: number, state: SessionState): Promise<string> {
	if (state === 'unknown') return `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`;
	const { token } = await createSession(sql, userId, { address: '192.0.2.1', userAgent: 'test' });
	if (state === 'expired') {
		await sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${hashToken(token)}`;
	} else if (state === 'revoked') {
		await deleteSession(sql, token);
	} else if (state === 'disabled') {
		await sql`update users set disabled = true where id = ${userId}`;
	}
	return `${SESSION_COOKIE}=${token}`;
}
