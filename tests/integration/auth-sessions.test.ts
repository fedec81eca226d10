import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	deleteExpiredSessions,
	deleteSession,
	deleteUserSessions,
	hashToken,
	liveSessions,
	SESSION_IDLE_MS,
	SESSION_MAX_MS,
	userFromSessionToken
} from '../../src/lib/server/auth/sessions';
import { normaliseEmail, signIn, WRONG_CREDENTIALS } from '../../src/lib/server/auth/sign-in';
import { THROTTLE } from '../../src/lib/server/auth/throttle';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const client = { address: '192.0.2.7', userAgent: 'Firefox' };

/**
 * Sessions and sign-in at the database, without the HTTP app (auth.test.ts covers that): fast enough
 * for the mutation run, which runs these for every mutant of sessions.ts and sign-in.ts.
 */
describe.each(backends)('sessions and sign-in at the database on %s', (backend) => {
	let test: TestDatabase;
	let sql: TestDatabase['db']['sql'];
	let commissioner: number;
	let viewer: number;

	/** A session row made directly: `token` as given, times relative to the database's now. */
	async function sessionRow(
		userId: number,
		token: string,
		times: { createdAgoMs?: number; lastSeenAgoMs?: number; expiresInMs?: number } = {}
	): Promise<void> {
		const { createdAgoMs = 0, lastSeenAgoMs = 0, expiresInMs = HOUR } = times;
		await sql`insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
			values (${hashToken(token)}, ${userId}, now() - make_interval(secs => ${createdAgoMs / 1000}),
				now() - make_interval(secs => ${lastSeenAgoMs / 1000}), now() + make_interval(secs => ${expiresInMs / 1000}))`;
	}
	const row = async (token: string) => {
		const [found] = await sql<{ expires_at: Date; last_seen_at: Date; created_at: Date }[]>`
			select expires_at, last_seen_at, created_at from sessions where token_hash = ${hashToken(token)}`;
		return found;
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		sql = test.db.sql;
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(sql);
		commissioner = await addAccount(
			sql,
			'alpha@test.local',
			[
				{ rccId: 'tst', role: 'commissioner', laCode: LA.A },
				{ rccId: 'other', role: 'viewer' }
			],
			{ laCode: LA.A, name: 'Alpha Commissioner' }
		);
		viewer = await addAccount(sql, 'viewer@test.local', [{ rccId: 'tst', role: 'viewer' }]);
	});
	afterAll(async () => {
		await test?.drop();
	});
	beforeEach(async () => {
		await sql`delete from sign_in_throttle`;
		await sql`update users set disabled = false`;
	});

	describe('sessions', () => {
		it('creates a session stored by its hash alone, ending 12 hours on, its cookie 7 days on', async () => {
			const before = Date.now();
			const made = await createSession(sql, viewer, { address: '192.0.2.1', userAgent: 'u'.repeat(400) });
			const after = Date.now();
			expect(made.token).toMatch(/^[\w-]{43}$/);
			expect(made.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_IDLE_MS);
			expect(made.expiresAt.getTime()).toBeLessThanOrEqual(after + SESSION_IDLE_MS);
			expect(made.cookieExpiresAt.getTime() - made.expiresAt.getTime()).toBe(
				SESSION_MAX_MS - SESSION_IDLE_MS
			);
			const [stored] = await sql<
				{ token_hash: string; user_id: number; address: string; user_agent: string }[]
			>`
				select token_hash, user_id, address, user_agent from sessions where token_hash = ${hashToken(made.token)}`;
			expect(stored).toEqual({
				token_hash: hashToken(made.token),
				user_id: viewer,
				address: '192.0.2.1',
				user_agent: 'u'.repeat(300)
			});
			expect(await sql`select 1 from sessions where token_hash = ${made.token}`).toHaveLength(0);
			const second = await createSession(sql, viewer, { address: null, userAgent: null });
			expect(second.token).not.toBe(made.token);
			const [bare] =
				await sql`select address, user_agent from sessions where token_hash = ${hashToken(second.token)}`;
			expect(bare).toEqual({ address: null, user_agent: null });
			expect(SESSION_IDLE_MS).toBe(12 * HOUR);
			expect(SESSION_MAX_MS).toBe(7 * 24 * HOUR);
		});

		it('gives the user of a live session with their LA and every role, as they are now', async () => {
			const { token } = await createSession(sql, commissioner, client);
			expect(await userFromSessionToken(sql, token)).toEqual({
				id: commissioner,
				email: 'alpha@test.local',
				name: 'Alpha Commissioner',
				la: { code: LA.A, name: expect.any(String) },
				roles: [
					{ rccId: 'other', rccName: expect.any(String), role: 'viewer', laCode: null, laName: null },
					{
						rccId: 'tst',
						rccName: expect.any(String),
						role: 'commissioner',
						laCode: LA.A,
						laName: expect.any(String)
					}
				]
			});
			const user = await userFromSessionToken(sql, token);
			expect(user?.la?.name).not.toBe(LA.A);
			expect(user?.roles[1].laName).toBe(user?.la?.name);
			const { token: viewerToken } = await createSession(sql, viewer, client);
			expect(await userFromSessionToken(sql, viewerToken)).toMatchObject({ id: viewer, la: null });
		});

		it('refuses unknown, expired, revoked and disabled sessions, and tokens that cannot be one', async () => {
			const { token: expired } = await createSession(sql, viewer, client);
			await sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${hashToken(expired)}`;
			const { token: revoked } = await createSession(sql, viewer, client);
			await deleteSession(sql, revoked);
			const { token: live } = await createSession(sql, viewer, client);
			expect(await userFromSessionToken(sql, live)).not.toBeNull();
			for (const token of ['never-issued', expired, revoked, '', null, undefined]) {
				expect(await userFromSessionToken(sql, token)).toBeNull();
			}
			await sql`update users set disabled = true where id = ${viewer}`;
			expect(await userFromSessionToken(sql, live)).toBeNull();
			expect((await liveSessions(sql, [hashToken(live)])).size).toBe(0);
			await sql`update users set disabled = false where id = ${viewer}`;
			expect(await userFromSessionToken(sql, live)).not.toBeNull();
		});

		it('reads a token of up to 100 characters, and looks no longer one up', async () => {
			await sessionRow(viewer, 't'.repeat(100));
			await sessionRow(viewer, 't'.repeat(101));
			expect(await userFromSessionToken(sql, 't'.repeat(100))).toMatchObject({ id: viewer });
			expect(await userFromSessionToken(sql, 't'.repeat(101))).toBeNull();
		});

		it('checks many sessions in one call: only the live ones, by token hash', async () => {
			const a = await createSession(sql, commissioner, client);
			const b = await createSession(sql, viewer, client);
			const gone = await createSession(sql, viewer, client);
			await sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${hashToken(gone.token)}`;
			const hashes = [a, b, gone].map((made) => hashToken(made.token));
			const live = await liveSessions(sql, [...hashes, hashToken('unknown')]);
			expect([...live.keys()].sort()).toEqual([hashes[0], hashes[1]].sort());
			expect(live.get(hashes[0])?.user.id).toBe(commissioner);
			expect(live.get(hashes[1])?.user).toMatchObject({
				id: viewer,
				roles: [{ rccId: 'tst', role: 'viewer' }]
			});
			expect(live.get(hashes[1])?.createdAt).toBeInstanceOf(Date);
			expect(live.get(hashes[1])?.lastSeenAt).toBeInstanceOf(Date);
			expect(await liveSessions(sql, [])).toEqual(new Map());
		});

		it('slides a session used after 5 minutes 12 hours on; not sooner, and never past 7 days from sign-in', async () => {
			await sessionRow(viewer, 'fresh', { lastSeenAgoMs: 4 * MINUTE });
			await sessionRow(viewer, 'idle', { lastSeenAgoMs: 6 * MINUTE });
			await sessionRow(viewer, 'old', { createdAgoMs: 7 * 24 * HOUR - 2 * HOUR, lastSeenAgoMs: HOUR });
			const before = { fresh: await row('fresh'), idle: await row('idle'), old: await row('old') };

			const start = Date.now();
			for (const token of ['fresh', 'idle', 'old'])
				expect(await userFromSessionToken(sql, token)).not.toBeNull();
			const end = Date.now();

			expect(await row('fresh')).toEqual(before.fresh);
			const idle = await row('idle');
			expect(idle.expires_at.getTime()).toBeGreaterThanOrEqual(start + SESSION_IDLE_MS);
			expect(idle.expires_at.getTime()).toBeLessThanOrEqual(end + SESSION_IDLE_MS);
			expect(idle.last_seen_at.getTime()).toBeGreaterThan(before.idle.last_seen_at.getTime() + 5 * MINUTE);
			const old = await row('old');
			expect(old.expires_at.getTime()).toBe(old.created_at.getTime() + SESSION_MAX_MS);
			expect(old.last_seen_at.getTime()).toBeGreaterThan(before.old.last_seen_at.getTime());
		});

		it('ends one session, all of a person’s (saying how many), or the expired ones only', async () => {
			const other = await createSession(sql, commissioner, client);
			await deleteUserSessions(sql, viewer);
			const first = await createSession(sql, viewer, client);
			const second = await createSession(sql, viewer, client);
			await deleteSession(sql, first.token);
			expect(await userFromSessionToken(sql, first.token)).toBeNull();
			expect(await userFromSessionToken(sql, second.token)).not.toBeNull();
			await createSession(sql, viewer, client);
			expect(await deleteUserSessions(sql, viewer)).toBe(2);
			expect(await deleteUserSessions(sql, viewer)).toBe(0);
			expect(await userFromSessionToken(sql, other.token)).not.toBeNull();

			await sessionRow(viewer, 'expired-one', { expiresInMs: -1000 });
			await sessionRow(viewer, 'still-good', { expiresInMs: 1000 * 60 });
			await deleteExpiredSessions(sql);
			expect(await row('expired-one')).toBeUndefined();
			expect(await row('still-good')).toBeDefined();
		});
	});

	describe('sign-in', () => {
		const attempt = (email: string, password = PASSWORD, address: string | null = '192.0.2.9') =>
			signIn(sql, { email, password, address, userAgent: 'Firefox' });
		const auditRows = (action: string) =>
			sql<
				{ actor_id: number | null; actor_email: string | null; address: string | null; details: unknown }[]
			>`
				select actor_id, actor_email, address, details from audit_log where action = ${action} order by id`;

		it('signs in with the right password: a live session, the time of sign-in and an audit entry', async () => {
			await sessionRow(commissioner, 'stale', { expiresInMs: -1000 });
			await sql`update users set last_sign_in_at = null where id = ${commissioner}`;
			const before = (await auditRows('sign_in')).length;
			const result = await attempt('  Alpha@TEST.local ');
			expect(result).toMatchObject({ ok: true, userId: commissioner });
			if (!result.ok) throw new Error('not signed in');
			expect(await userFromSessionToken(sql, result.session.token)).toMatchObject({ id: commissioner });
			const [user] = await sql`select last_sign_in_at from users where id = ${commissioner}`;
			expect(user.last_sign_in_at).toBeInstanceOf(Date);
			const entries = await auditRows('sign_in');
			expect(entries.slice(before)).toEqual([
				{ actor_id: commissioner, actor_email: 'alpha@test.local', address: '192.0.2.9', details: {} }
			]);
			// Signing in clears sessions that have expired.
			expect(await row('stale')).toBeUndefined();
			const [stored] =
				await sql`select address, user_agent from sessions where token_hash = ${hashToken(result.session.token)}`;
			expect(stored).toEqual({ address: '192.0.2.9', user_agent: 'Firefox' });
		});

		it('answers a wrong password, an unknown email and a disabled account alike, auditing each', async () => {
			const before = (await auditRows('sign_in.failed')).length;
			expect(await attempt('alpha@test.local', 'wrong password!')).toEqual({ ok: false, reason: 'wrong' });
			expect(await attempt('nobody@test.local')).toEqual({ ok: false, reason: 'wrong' });
			await sql`update users set disabled = true where id = ${viewer}`;
			const sessionsBefore = await sql`select count(*)::int as n from sessions where user_id = ${viewer}`;
			expect(await attempt('viewer@test.local')).toEqual({ ok: false, reason: 'wrong' });
			expect(await sql`select count(*)::int as n from sessions where user_id = ${viewer}`).toEqual(
				sessionsBefore
			);
			expect((await auditRows('sign_in.failed')).slice(before)).toEqual([
				{ actor_id: commissioner, actor_email: 'alpha@test.local', address: '192.0.2.9', details: {} },
				{ actor_id: null, actor_email: 'nobody@test.local', address: '192.0.2.9', details: {} },
				{ actor_id: null, actor_email: 'viewer@test.local', address: '192.0.2.9', details: {} }
			]);
			expect(WRONG_CREDENTIALS).toBe('The email or password is wrong.');
		});

		it('refuses an account without a password, even when the password given is empty', async () => {
			await sql`insert into users (email, name, password_hash) values ('nopass@test.local', 'No Password', null)`;
			expect(await attempt('nopass@test.local', '')).toEqual({ ok: false, reason: 'wrong' });
			expect(await attempt('nopass@test.local')).toEqual({ ok: false, reason: 'wrong' });
		});

		it('cuts an email to 320 characters and folds its case before looking it up', async () => {
			expect(normaliseEmail('  Mixed@Case.Example ')).toBe('mixed@case.example');
			const long = `${'a'.repeat(310)}@test.local`; // 321 characters
			const failed = await attempt(long, 'wrong password!', null);
			expect(failed).toEqual({ ok: false, reason: 'wrong' });
			const [entry] =
				await sql`select actor_email, address from audit_log where action = 'sign_in.failed' order by id desc limit 1`;
			expect(entry).toEqual({ actor_email: long.slice(0, 320), address: null });
		});

		it(`refuses attempts past the free ${THROTTLE.accountAddress.free} without checking them, saying how long to wait`, async () => {
			for (let i = 0; i < THROTTLE.accountAddress.free; i++) {
				expect(await attempt('alpha@test.local', 'wrong password!')).toMatchObject({ reason: 'wrong' });
			}
			const before = (await auditRows('sign_in.throttled')).length;
			const refused = await attempt('alpha@test.local');
			expect(refused).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
			if (refused.ok || refused.reason !== 'throttled') throw new Error('not throttled');
			expect(refused.retryAfterSeconds).toBeGreaterThan(0);
			expect(refused.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.accountAddress.baseSeconds);
			expect((await auditRows('sign_in.throttled')).slice(before)).toEqual([
				{
					actor_id: null,
					actor_email: 'alpha@test.local',
					address: '192.0.2.9',
					details: { retryAfterSeconds: refused.retryAfterSeconds }
				}
			]);
			// From another address the right password still works, and forgives that address only.
			expect(await attempt('alpha@test.local', PASSWORD, '192.0.2.10')).toMatchObject({ ok: true });
			expect(await attempt('alpha@test.local')).toMatchObject({ reason: 'throttled' });
		});
	});
});
