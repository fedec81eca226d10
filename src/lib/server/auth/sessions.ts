import { createHash, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import type { CurrentUser, RoleGrant } from '../../domain/types';

export const SESSION_COOKIE = 'cth_session';
/** A session ends after this long unused... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ...and in any case this long after sign-in. The cookie lives as long. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding renewal writes at most this often per session. */
const RENEW_AFTER_MS = 5 * 60 * 1000;

type Sql = postgres.Sql | postgres.TransactionSql;

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
	token: string;
	expiresAt: Date;
	/** When the cookie should expire: the session's absolute end. */
	cookieExpiresAt: Date;
}

export async function createSession(
	sql: Sql,
	userId: number,
	client: { address: string | null; userAgent: string | null }
): Promise<NewSession> {
	const token = randomBytes(32).toString('base64url');
	const now = Date.now();
	const expiresAt = new Date(now + SESSION_IDLE_MS);
	await sql`insert into sessions (token_hash, user_id, expires_at, address, user_agent)
		values (${hashToken(token)}, ${userId}, ${expiresAt}, ${client.address}, ${client.userAgent?.slice(0, 300) ?? null})`;
	return { token, expiresAt, cookieExpiresAt: new Date(now + SESSION_MAX_MS) };
}

interface SessionRow {
	token_hash: string;
	created_at: Date;
	last_seen_at: Date;
	id: number;
	email: string;
	name: string;
	la_code: string | null;
	la_name: string | null;
	roles: RoleGrant[];
}

export interface LiveSession {
	user: CurrentUser;
	createdAt: Date;
	lastSeenAt: Date;
}

/**
 * The sessions among `tokenHashes` that are live (known, unexpired, account not disabled), by token
 * hash, each with its user and roles as they are now. One query for any number of sessions: the
 * collaboration server checks every open socket's session with it every few seconds.
 */
export async function liveSessions(sql: Sql, tokenHashes: string[]): Promise<Map<string, LiveSession>> {
	if (tokenHashes.length === 0) return new Map();
	const rows = await sql<SessionRow[]>`
		select s.token_hash, s.created_at, s.last_seen_at, u.id, u.email, u.name, u.la_code, l.name as la_name,
			coalesce((
				select json_agg(json_build_object(
					'rccId', r.rcc_id, 'rccName', c.name, 'role', r.role, 'laCode', r.la_code, 'laName', rl.name
				) order by r.rcc_id)
				from user_roles r join rccs c on c.id = r.rcc_id left join las rl on rl.code = r.la_code
				where r.user_id = u.id
			), '[]'::json) as roles
		from sessions s join users u on u.id = s.user_id left join las l on l.code = u.la_code
		where s.token_hash = any(${tokenHashes}::text[]) and s.expires_at > now() and not u.disabled`;
	return new Map(
		rows.map((row) => [
			row.token_hash,
			{
				user: {
					id: row.id,
					email: row.email,
					name: row.name,
					la: row.la_code ? { code: row.la_code, name: row.la_name ?? row.la_code } : null,
					roles: row.roles
				},
				createdAt: row.created_at,
				lastSeenAt: row.last_seen_at
			}
		])
	);
}

/**
 * The user behind a session cookie, or null when the token is unknown, expired or the account disabled.
 * Renews the session (sliding expiry) as a side effect. Used by the hook and by the collaboration server
 * at the websocket upgrade.
 */
export async function userFromSessionToken(
	sql: Sql,
	token: string | undefined | null
): Promise<CurrentUser | null> {
	if (!token || token.length > 100) return null;
	const tokenHash = hashToken(token);
	const session = (await liveSessions(sql, [tokenHash])).get(tokenHash);
	if (!session) return null;
	const now = Date.now();
	if (now - session.lastSeenAt.getTime() > RENEW_AFTER_MS) {
		const expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_MAX_MS));
		await sql`update sessions set expires_at = ${expiresAt}, last_seen_at = now() where token_hash = ${tokenHash}`;
	}
	return session.user;
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
	await sql`delete from sessions where token_hash = ${hashToken(token)}`;
}

/** Returns how many sessions were ended. */
export async function deleteUserSessions(sql: Sql, userId: number): Promise<number> {
	const rows = await sql`delete from sessions where user_id = ${userId} returning 1`;
	return rows.length;
}

/** Expired sessions are useless; removed now and then (on sign-in) rather than by a timer. */
export async function deleteExpiredSessions(sql: Sql): Promise<void> {
	await sql`delete from sessions where expires_at < now()`;
}
