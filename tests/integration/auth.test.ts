import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as audit from '../../src/lib/server/audit';
import * as password from '../../src/lib/server/auth/password';
import { hashToken, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/lib/server/auth/sessions';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { THROTTLE } from '../../src/lib/server/auth/throttle';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { SESSION_STATES, sessionCookie } from './helpers/session-states';

// Spies that keep the real implementation: the test sees which hash each sign-in verifies against.
vi.mock('../../src/lib/server/auth/password', { spy: true });

const WRONG = 'The email or password is wrong.';

describe.each(backends)('sign-in, sessions and request guards on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	const session = () => new Session(app.origin);

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		await addAccount(
			test.db.sql,
			'alpha@test.local',
			[{ rccId: 'tst', role: 'commissioner', laCode: LA.A }],
			{
				laCode: LA.A,
				name: 'Alpha Commissioner'
			}
		);
		await addAccount(test.db.sql, 'viewer@test.local', [{ rccId: 'tst', role: 'viewer' }]);
		app = await startAppServer(test.db);
	});
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});
	beforeEach(async () => {
		await test.db.sql`delete from sign_in_throttle`;
	});

	it('signs in with the right password: 200, an HttpOnly SameSite=Lax cookie, only its hash stored', async () => {
		const client = session();
		const response = await client.signIn('Alpha@Test.local ', PASSWORD);
		expect(response.status).toBe(200);
		const cookie = response.headers.getSetCookie().find((line) => line.startsWith('cth_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/i); // plain http here; Secure over https (cookie.test.ts)
		const token = client.token!;
		expect(token.length).toBeGreaterThanOrEqual(43);
		const rows = await test.db.sql`select token_hash from sessions where token_hash = ${hashToken(token)}`;
		expect(rows).toHaveLength(1);
		const leaked = await test.db.sql`select 1 from sessions where token_hash = ${token}`;
		expect(leaked).toHaveLength(0);
	});

	it('GET /api/me gives the user, their LA and roles; 401 when signed out', async () => {
		expect((await session().get('/api/me')).status).toBe(401);
		const client = session();
		await client.signIn('alpha@test.local', PASSWORD);
		const me = await (await client.get('/api/me')).json();
		expect(me).toEqual({
			id: expect.any(Number),
			email: 'alpha@test.local',
			name: 'Alpha Commissioner',
			la: { code: LA.A, name: 'Alpha' },
			roles: [{ rccId: 'tst', rccName: 'Test RCC', role: 'commissioner', laCode: LA.A, laName: 'Alpha' }]
		});
	});

	it('answers a wrong password and an unknown email alike, each after one password hash', async () => {
		const wrong = await session().signIn('alpha@test.local', 'not the password');
		const unknown = await session().signIn('nobody@test.local', 'not the password');
		expect([wrong.status, unknown.status]).toEqual([401, 401]);
		expect(await wrong.json()).toEqual({ message: WRONG });
		expect(await unknown.json()).toEqual({ message: WRONG });
		expect(wrong.headers.getSetCookie()).toEqual([]);
		// How long each takes is bench:start's to measure; here, that both pay for one scrypt verification
		// of the same cost (without the dummy hash an unknown email would answer in ~5 ms, not ~0.1 s).
		await test.db.sql`delete from sign_in_throttle`;
		const verify = vi.mocked(password.verifyPassword);
		verify.mockClear();
		const attempt = (email: string) =>
			signIn(test.db.sql, { email, password: 'wrong', address: null, userAgent: null });
		expect(await attempt('viewer@test.local')).toEqual({ ok: false, reason: 'wrong' });
		expect(await attempt('nobody-else@test.local')).toEqual({ ok: false, reason: 'wrong' });
		expect(verify).toHaveBeenCalledTimes(2);
		const [[, viewerHash], [, unknownHash]] = verify.mock.calls;
		expect(unknownHash).toBe(await password.dummyHash());
		const cost = (hash: string) => hash.split('$').slice(0, 4);
		expect(cost(unknownHash)).toEqual(cost(viewerHash));
	});

	it('rejects a body without an email or password with 400', async () => {
		const response = await session().postJson('/api/auth/login', { email: 'alpha@test.local' });
		expect(response.status).toBe(400);
		expect((await response.json()).message).toMatch(/email and a password/);
	});

	it('signs out: the session is deleted and the cookie cleared', async () => {
		const client = session();
		await client.signIn('alpha@test.local', PASSWORD);
		const token = client.token!;
		const response = await client.postJson('/api/auth/logout', {});
		expect(response.status).toBe(200);
		expect(client.cookie).toBeNull();
		expect(await test.db.sql`select 1 from sessions where token_hash = ${hashToken(token)}`).toHaveLength(0);
		const stale = new Session(app.origin);
		stale.cookie = `cth_session=${token}`;
		expect((await stale.get('/api/me')).status).toBe(401);
	});

	it('signs out through the /logout form, then back to sign-in', async () => {
		const client = session();
		await client.signIn('alpha@test.local', PASSWORD);
		expect((await client.get('/logout')).status).toBe(200);
		const response = await client.postForm('/logout', {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		expect(client.cookie).toBeNull();
	});

	it('an expired session is refused, its cookie removed, and a page sends the person to sign in and back', async () => {
		const client = session();
		await client.signIn('alpha@test.local', PASSWORD);
		await test.db
			.sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${hashToken(client.token!)}`;
		const page = await client.get('/rcc/tst');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?redirectTo=%2Frcc%2Ftst');
		expect(client.cookie).toBeNull();
		const signIn = await client.postForm('/login', {
			email: 'alpha@test.local',
			password: PASSWORD,
			redirectTo: '/rcc/tst'
		});
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe('/rcc/tst');
		expect((await client.get('/rcc/tst')).status).toBe(200);
	});

	it('slides the expiry forward with use, never past the absolute limit', async () => {
		const client = session();
		await client.signIn('alpha@test.local', PASSWORD);
		const hash = hashToken(client.token!);
		await test.db
			.sql`update sessions set expires_at = now() + interval '1 hour', last_seen_at = now() - interval '10 minutes' where token_hash = ${hash}`;
		await client.get('/api/me');
		const [renewed] = await test.db.sql<
			{ expires_at: Date }[]
		>`select expires_at from sessions where token_hash = ${hash}`;
		expect(Math.abs(renewed.expires_at.getTime() - (Date.now() + SESSION_IDLE_MS))).toBeLessThan(60_000);
		await test.db
			.sql`update sessions set created_at = now() - ${SESSION_MAX_MS - 30 * 60_000} * interval '1 millisecond',
			last_seen_at = now() - interval '10 minutes' where token_hash = ${hash}`;
		await client.get('/api/me');
		const [capped] = await test.db.sql<
			{ expires_at: Date }[]
		>`select expires_at from sessions where token_hash = ${hash}`;
		expect(Math.abs(capped.expires_at.getTime() - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);
	});

	it('the sign-in form goes to the page asked for, and never off the site', async () => {
		const client = session();
		const response = await client.postForm('/login', {
			email: 'alpha@test.local',
			password: PASSWORD,
			redirectTo: '//evil.example/steal'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const wrong = await session().postForm('/login', {
			email: 'alpha@test.local',
			password: 'nope',
			redirectTo: '/'
		});
		expect(wrong.status).toBe(401);
		expect(await wrong.text()).toContain('email or password is wrong');
		const signedIn = await client.get('/login?redirectTo=%2Fadmin');
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/admin');
	});

	describe('sessions that are no longer good', () => {
		let userId: number;
		beforeAll(async () => {
			userId = await addAccount(test.db.sql, 'states@test.local', [{ rccId: 'tst', role: 'viewer' }]);
		});
		afterEach(async () => {
			await test.db.sql`update users set disabled = false where id = ${userId}`;
		});
		const withCookie = (cookie: string) => {
			const client = session();
			client.cookie = cookie;
			return client;
		};

		it.each(SESSION_STATES.filter((state) => state !== 'live'))(
			'refuses a session that is %s, at the API and on pages, and removes its cookie',
			async (state) => {
				const live = withCookie(await sessionCookie(test.db.sql, userId, 'live'));
				expect((await live.get('/api/me')).status).toBe(200);
				const client = withCookie(await sessionCookie(test.db.sql, userId, state));
				const me = await client.get('/api/me');
				expect(me.status).toBe(401);
				expect(client.cookie).toBeNull();
				const page = withCookie(await sessionCookie(test.db.sql, userId, state));
				const response = await page.get('/rcc/tst');
				expect(response.status).toBe(303);
				expect(response.headers.get('location')).toMatch(/^\/login\?redirectTo=%2Frcc%2Ftst/);
				if (state === 'disabled') expect((await live.get('/api/me')).status).toBe(401);
			}
		);

		it('refuses a disabled account at sign-in with the right password, as if the password were wrong', async () => {
			await test.db.sql`update users set disabled = true where id = ${userId}`;
			const sessionsBefore = await test.db.sql`select token_hash from sessions where user_id = ${userId}`;
			const api = await session().signIn('states@test.local', PASSWORD);
			expect(api.status).toBe(401);
			expect(await api.json()).toEqual({ message: WRONG });
			expect(api.headers.getSetCookie()).toEqual([]);
			const form = await session().postForm('/login', { email: 'states@test.local', password: PASSWORD });
			expect(form.status).toBe(401);
			// Refused before any session is made (the hook would refuse one anyway).
			expect(await test.db.sql`select token_hash from sessions where user_id = ${userId}`).toEqual(
				sessionsBefore
			);
			await test.db.sql`update users set disabled = false where id = ${userId}`;
			expect((await session().signIn('states@test.local', PASSWORD)).status).toBe(200);
		});
	});

	describe('throttling', () => {
		const { accountAddress, address: perAddress, account: perAccount } = THROTTLE;
		const failures = async (email: string) =>
			(await test.db.sql`select 1 from audit_log where action = 'sign_in.failed' and actor_email = ${email}`)
				.length;
		/** As if the wait had passed: the key's last attempt moved back by `seconds`. */
		const wait = (seconds: number) =>
			test.db
				.sql`update sign_in_throttle set last_attempt_at = last_attempt_at - ${seconds} * interval '1 second'`;
		const direct = (email: string, password: string, address: string) =>
			signIn(test.db.sql, { email, password, address, userAgent: 'test' });

		it(`evaluates at most ${accountAddress.free} of many concurrent wrong passwords at the API, refusing the rest with 429`, async () => {
			const responses = await Promise.all(
				Array.from({ length: 12 }, (_, i) => session().signIn('race@test.local', `wrong ${i}`))
			);
			const statuses = responses.map((r) => r.status).sort();
			expect(statuses).toEqual([
				...Array(accountAddress.free).fill(401),
				...Array(12 - accountAddress.free).fill(429)
			]);
			expect(await failures('race@test.local')).toBe(accountAddress.free);
		});

		it(`evaluates at most ${accountAddress.free} of many concurrent wrong passwords at the sign-in form`, async () => {
			const responses = await Promise.all(
				Array.from({ length: 12 }, (_, i) =>
					session().postForm('/login', { email: 'race-form@test.local', password: `wrong ${i}` })
				)
			);
			const statuses = responses.map((r) => r.status).sort();
			expect(statuses).toEqual([
				...Array(accountAddress.free).fill(401),
				...Array(12 - accountAddress.free).fill(429)
			]);
			expect(await failures('race-form@test.local')).toBe(accountAddress.free);
			const refused = responses.find((r) => r.status === 429)!;
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await refused.text()).toContain('Try again in 1 minute.');
		});

		it('makes each failure past the free ones wait twice as long, says how long, and counts no refused attempt', async () => {
			for (let i = 0; i < accountAddress.free; i++) {
				expect((await session().signIn('viewer@test.local', `wrong ${i}`)).status).toBe(401);
			}
			let delay = accountAddress.baseSeconds;
			for (const minutes of [1, 2, 4, 8]) {
				// Even the right password waits; asking again and again does not lengthen the wait.
				for (let i = 0; i < 3; i++) {
					const refused = await session().signIn('viewer@test.local', PASSWORD);
					expect(refused.status).toBe(429);
					const retryAfter = Number(refused.headers.get('retry-after'));
					expect(retryAfter).toBeGreaterThan(delay - 10);
					expect(retryAfter).toBeLessThanOrEqual(delay);
					expect(await refused.json()).toEqual({
						message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
						retryAfterSeconds: retryAfter
					});
				}
				await wait(delay - 5);
				expect((await session().signIn('viewer@test.local', PASSWORD)).status).toBe(429);
				await wait(5);
				expect((await session().signIn('viewer@test.local', 'wrong again')).status).toBe(401);
				delay *= 2;
			}
			await wait(delay);
			// The right password, once the wait is over, signs in and forgives the failures.
			expect((await session().signIn('viewer@test.local', PASSWORD)).status).toBe(200);
			for (let i = 0; i < accountAddress.free; i++) {
				expect((await session().signIn('viewer@test.local', `afresh ${i}`)).status).toBe(401);
			}
		});

		it('never waits longer than the cap, and forgets a key left alone for a day', async () => {
			for (let i = 0; i < accountAddress.free; i++)
				await direct('capped@test.local', `wrong ${i}`, '192.0.2.9');
			await test.db.sql`update sign_in_throttle set attempts = 40 where scope = 'account_address'`;
			const capped = await direct('capped@test.local', 'x', '192.0.2.9');
			expect(capped).toEqual({
				ok: false,
				reason: 'throttled',
				retryAfterSeconds: accountAddress.capSeconds
			});
			await wait(THROTTLE.forgetAfterSeconds + 1);
			for (let i = 0; i < accountAddress.free; i++) {
				expect(await direct('capped@test.local', `later ${i}`, '192.0.2.9')).toEqual({
					ok: false,
					reason: 'wrong'
				});
			}
		});

		it('an attacker failing from another address does not slow the real user down from theirs', async () => {
			for (let i = 0; i < accountAddress.free + 3; i++) {
				await direct('alpha@test.local', `guess ${i}`, '198.51.100.66');
			}
			expect((await direct('alpha@test.local', PASSWORD, '198.51.100.66')).ok).toBe(false);
			expect((await direct('alpha@test.local', PASSWORD, '192.0.2.10')).ok).toBe(true);
			// Nor do the user's own typing mistakes from home count against the attacker's address, or the reverse.
			expect(await direct('alpha@test.local', 'typo', '192.0.2.10')).toEqual({ ok: false, reason: 'wrong' });
		});

		it(`slows an account guessed from many addresses (${perAccount.free} free), except from where its owner signed in lately`, async () => {
			expect((await direct('alpha@test.local', PASSWORD, '192.0.2.20')).ok).toBe(true);
			// Stands for a guess from each of that many machines (each costs a hash of 0.1 s over HTTP).
			await test.db
				.sql`insert into sign_in_throttle (scope, key, attempts) values ('account', 'alpha@test.local', ${perAccount.free})
				on conflict (scope, key) do update set attempts = excluded.attempts, last_attempt_at = now()`;
			const elsewhere = await direct('alpha@test.local', PASSWORD, '203.0.113.5');
			expect(elsewhere).toEqual({
				ok: false,
				reason: 'throttled',
				retryAfterSeconds: perAccount.baseSeconds
			});
			expect((await direct('alpha@test.local', PASSWORD, '192.0.2.20')).ok).toBe(true);
			await wait(perAccount.baseSeconds);
			expect((await direct('alpha@test.local', PASSWORD, '203.0.113.5')).ok).toBe(true);
		});

		it('throttles an unknown email exactly as a known one', async () => {
			for (let i = 0; i < accountAddress.free; i++) await session().signIn('ghost@test.local', `wrong ${i}`);
			expect((await session().signIn('ghost@test.local', 'x')).status).toBe(429);
		});

		it(`slows an address after ${perAddress.free} failures across accounts; successes do not count`, async () => {
			for (let i = 0; i < 3; i++)
				expect((await session().signIn('alpha@test.local', PASSWORD)).status).toBe(200);
			for (let i = 0; i < perAddress.free; i++) {
				expect((await session().signIn(`spray${i}@test.local`, 'wrong')).status).toBe(401);
			}
			const refused = await session().signIn('alpha@test.local', PASSWORD);
			expect(refused.status).toBe(429);
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(perAddress.baseSeconds - 10);
		});

		it('throttles the current-password check of a password change, counted with sign-ins', async () => {
			const client = session();
			expect((await client.signIn('alpha@test.local', PASSWORD)).status).toBe(200);
			const change = (current: string) =>
				client.postForm('/account?/password', {
					current,
					next: 'a brand new password',
					again: 'a brand new password'
				});
			for (let i = 0; i < accountAddress.free; i++) {
				const wrong = await change(`guess ${i}`);
				expect(wrong.status).toBe(400);
				expect(await wrong.text()).toContain('Your current password is wrong');
			}
			const refused = await change(PASSWORD);
			expect(refused.status).toBe(429);
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(accountAddress.baseSeconds - 10);
			expect(await refused.text()).toContain('Too many wrong passwords. Try again in 1 minute.');
			expect((await session().signIn('alpha@test.local', PASSWORD)).status).toBe(429);
			const [user] = await test.db.sql`select password_hash from users where email = 'alpha@test.local'`;
			await wait(accountAddress.baseSeconds);
			expect((await change(PASSWORD)).status).toBe(200);
			const [changed] = await test.db.sql`select password_hash from users where email = 'alpha@test.local'`;
			expect(changed.password_hash).not.toBe(user.password_hash);
			await test.db
				.sql`update users set password_hash = ${user.password_hash} where email = 'alpha@test.local'`;
		});
	});

	describe('cross-site requests and bodies', () => {
		it('refuses a JSON request from another origin or marked cross-site, before it does anything', async () => {
			const evil = await session().postJson(
				'/api/auth/login',
				{ email: 'alpha@test.local', password: PASSWORD },
				{ origin: 'https://evil.example' }
			);
			expect(evil.status).toBe(403);
			expect((await evil.json()).message).toMatch(/Cross-site/);
			expect(evil.headers.getSetCookie()).toEqual([]);
			const marked = await session().postJson(
				'/api/auth/login',
				{ email: 'alpha@test.local', password: PASSWORD },
				{ 'sec-fetch-site': 'cross-site' }
			);
			expect(marked.status).toBe(403);
			const same = await session().postJson(
				'/api/auth/login',
				{ email: 'alpha@test.local', password: PASSWORD },
				{ origin: app.origin, 'sec-fetch-site': 'same-origin' }
			);
			expect(same.status).toBe(200);
		});

		it('refuses a same-site sign-out (a sibling subdomain), JSON and form, leaving the session alive', async () => {
			const client = session();
			await client.signIn('alpha@test.local', PASSWORD);
			// With this site's own Origin, which SvelteKit's form check accepts: only Sec-Fetch-Site tells.
			const headers = { origin: app.origin, 'sec-fetch-site': 'same-site' };
			const json = await client.postJson('/api/auth/logout', {}, headers);
			expect(json.status).toBe(403);
			expect((await json.json()).message).toMatch(/Cross-site requests are not allowed/);
			expect((await client.postForm('/logout', {}, headers)).status).toBe(403);
			expect((await client.get('/api/me')).status).toBe(200);
			const none = await client.postForm('/logout', {}, { 'sec-fetch-site': 'none' });
			expect(none.status).toBe(303);
			expect((await client.get('/api/me')).status).toBe(401);
		});

		it('refuses a cross-site sign-out (JSON and form), leaving the session alive', async () => {
			const client = session();
			await client.signIn('alpha@test.local', PASSWORD);
			expect((await client.postJson('/api/auth/logout', {}, { origin: 'https://evil.example' })).status).toBe(
				403
			);
			expect((await client.postForm('/logout', {}, { origin: 'https://evil.example' })).status).toBe(403);
			expect((await client.get('/api/me')).status).toBe(200);
		});

		it('answers malformed JSON with 400 and a clear message', async () => {
			const response = await session().request('/api/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"email": "alpha@test.local", "password": '
			});
			expect(response.status).toBe(400);
			expect((await response.json()).message).toMatch(/^The request body is not valid JSON/);
		});

		it('answers an oversize body with 413, declared or streamed', async () => {
			const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) });
			const declared = await session().request('/api/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: big
			});
			expect(declared.status).toBe(413);
			expect((await declared.json()).message).toMatch(/larger than the limit of 1024 KiB/);
			const streamed = await session().request('/api/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: new ReadableStream({
					start(controller) {
						controller.enqueue(new TextEncoder().encode(big));
						controller.close();
					}
				}),
				duplex: 'half'
			} as RequestInit);
			expect(streamed.status).toBe(413);
		});
	});

	it('writes sign-ins, failures and sign-outs to the audit log with the address', async () => {
		await test.db.sql`delete from audit_log`;
		const client = session();
		await client.signIn('alpha@test.local', 'wrong');
		await client.signIn('nobody@test.local', 'wrong');
		await client.signIn('alpha@test.local', PASSWORD);
		await client.postJson('/api/auth/logout', {});
		const entries = (await audit.query(test.db.sql)).reverse();
		expect(entries.map((e) => [e.action, e.actorEmail, e.actorId !== null])).toEqual([
			['sign_in.failed', 'alpha@test.local', true],
			['sign_in.failed', 'nobody@test.local', false],
			['sign_in', 'alpha@test.local', true],
			['sign_out', 'alpha@test.local', true]
		]);
		expect(entries.every((e) => e.address === '127.0.0.1' || e.address === '::ffff:127.0.0.1')).toBe(true);
		const filtered = await audit.query(test.db.sql, { action: 'sign_in.failed', actor: 'NOBODY' });
		expect(filtered.map((e) => e.actorEmail)).toEqual(['nobody@test.local']);
	});
});
