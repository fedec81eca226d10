import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/audit';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/lib/server/auth/demo-accounts';
import { hashToken } from '../../src/lib/server/auth/sessions';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

const client = { address: '192.0.2.1', userAgent: 'test' };

describe.each(backends)('demo accounts and RCC administration on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	let admin: Session;

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		await addAccount(test.db.sql, 'admin@test.local', [{ rccId: 'tst', role: 'rcc_admin' }]);
		await addAccount(test.db.sql, 'viewer@test.local', [{ rccId: 'tst', role: 'viewer' }]);
		app = await startAppServer(test.db);
		admin = new Session(app.origin);
		expect((await admin.signIn('admin@test.local', PASSWORD)).status).toBe(200);
	});
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});

	it('seeds the demo accounts of the demo RCCs only, once, with the password "demo"', async () => {
		const logs: string[] = [];
		await seedDemoAccounts(test.db, { log: (m) => logs.push(m) });
		await seedDemoAccounts(test.db, { log: (m) => logs.push(m) });
		expect(logs).toEqual(['Demo accounts: created 4 (password "demo")']);
		const rows = await test.db.sql<{ email: string; role: string; la_code: string | null }[]>`
			select u.email, r.role, r.la_code from users u join user_roles r on r.user_id = u.id
			where u.is_demo order by u.email`;
		expect(rows).toEqual([
			{ email: 'admin.tst@demo.local', role: 'rcc_admin', la_code: null },
			{ email: `${LA.A.toLowerCase()}@demo.local`, role: 'commissioner', la_code: LA.A },
			{ email: `${LA.B.toLowerCase()}@demo.local`, role: 'commissioner', la_code: LA.B },
			{ email: 'viewer.tst@demo.local', role: 'viewer', la_code: null }
		]);
		const result = await signIn(test.db.sql, {
			email: `${LA.A.toLowerCase()}@demo.local`,
			password: DEMO_PASSWORD,
			...client
		});
		expect(result.ok).toBe(true);
	});

	it('an administrator adds a person, who signs in with the one-time password shown once', async () => {
		const response = await admin.postForm('/admin/tst?/addPerson', {
			email: 'New.Person@Council.example',
			name: 'New Person',
			role: 'commissioner',
			laCode: LA.B
		});
		expect(response.status).toBe(200);
		const html = await response.text();
		const temporary = /class="temporary[^"]*">([\w-]+)</.exec(html)?.[1];
		expect(temporary).toBeTruthy();
		const person = new Session(app.origin);
		expect((await person.signIn('new.person@council.example', temporary!)).status).toBe(200);
		const me = await (await person.get('/api/me')).json();
		expect(me.roles).toEqual([
			{ rccId: 'tst', rccName: 'Test RCC', role: 'commissioner', laCode: LA.B, laName: 'Beta' }
		]);
		// The RCC's log reads the same for a new account and a known one; the account's creation is
		// recorded about no RCC.
		const inRcc = await audit.query(test.db.sql, { rccId: 'tst', actor: 'admin@test.local' });
		expect(inRcc.filter((e) => e.subject === 'new.person@council.example').map((e) => e.action)).toEqual([
			'role.granted'
		]);
		const all = await audit.query(test.db.sql, { actor: 'admin@test.local' });
		expect(
			all.filter((e) => e.subject === 'new.person@council.example').map((e) => [e.action, e.rccId])
		).toEqual([
			['role.granted', 'tst'],
			['user.created', null]
		]);
	});

	it('a person changes their temporary password under Your account; their other sessions end', async () => {
		const response = await admin.postForm('/admin/tst?/addPerson', {
			email: 'changer@council.example',
			name: 'Changer',
			role: 'viewer'
		});
		const temporary = /class="temporary[^"]*">([\w-]+)</.exec(await response.text())![1];
		const laptop = new Session(app.origin);
		const phone = new Session(app.origin);
		await laptop.signIn('changer@council.example', temporary);
		await phone.signIn('changer@council.example', temporary);
		expect((await laptop.get('/account')).status).toBe(200);
		const wrong = await laptop.postForm('/account?/password', {
			current: 'nope',
			next: 'a brand new secret',
			again: 'a brand new secret'
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Your current password is wrong');
		const mismatch = await laptop.postForm('/account?/password', {
			current: temporary,
			next: 'a brand new secret',
			again: 'another'
		});
		expect(mismatch.status).toBe(400);
		const changed = await laptop.postForm('/account?/password', {
			current: temporary,
			next: 'a brand new secret',
			again: 'a brand new secret'
		});
		expect(changed.status).toBe(200);
		expect((await laptop.get('/api/me')).status).toBe(200);
		expect((await phone.get('/api/me')).status).toBe(401);
		expect((await new Session(app.origin).signIn('changer@council.example', temporary)).status).toBe(401);
		expect(
			(await new Session(app.origin).signIn('changer@council.example', 'a brand new secret')).status
		).toBe(200);
		const [entry] = await audit.query(test.db.sql, { action: 'user.password_set', actor: 'changer@' });
		expect(entry.subject).toBe('changer@council.example');
	});

	it('signing in again ends the session the browser held before', async () => {
		const browser = new Session(app.origin);
		await browser.signIn('admin@test.local', PASSWORD);
		const first = browser.token!;
		await browser.signIn('admin@test.local', PASSWORD);
		expect(browser.token).not.toBe(first);
		expect(await test.db.sql`select 1 from sessions where token_hash = ${hashToken(first)}`).toHaveLength(0);
	});

	it('refuses a commissioner whose LA is not a member, and a second role in the same RCC', async () => {
		const outside = await admin.postForm('/admin/tst?/addPerson', {
			email: 'outsider@council.example',
			name: 'Outsider',
			role: 'commissioner',
			laCode: LA.D
		});
		expect(outside.status).toBe(400);
		expect(await outside.text()).toContain('must be a member of this RCC');
		const again = await admin.postForm('/admin/tst?/addPerson', {
			email: 'viewer@test.local',
			name: 'Viewer',
			role: 'commissioner',
			laCode: LA.A
		});
		expect(again.status).toBe(400);
		expect(await test.db.sql`select 1 from users where email = 'outsider@council.example'`).toHaveLength(0);
	});

	it('changes and removes roles, but never the last administrator', async () => {
		const [{ id: viewerId }] = await test.db.sql<
			{ id: number }[]
		>`select id from users where email = 'viewer@test.local'`;
		const [{ id: adminId }] = await test.db.sql<
			{ id: number }[]
		>`select id from users where email = 'admin@test.local'`;
		const changed = await admin.postForm('/admin/tst?/changeRole', {
			userId: String(viewerId),
			role: 'commissioner',
			laCode: LA.A
		});
		expect(changed.status).toBe(200);
		const [role] = await test.db
			.sql`select role, la_code from user_roles where user_id = ${viewerId} and rcc_id = 'tst'`;
		expect(role).toEqual({ role: 'commissioner', la_code: LA.A });
		// Two administrators (this one and the demo's): one may step down, the last may not.
		const [{ id: demoAdminId }] = await test.db.sql<
			{ id: number }[]
		>`select id from users where email = 'admin.tst@demo.local'`;
		expect(
			(await admin.postForm('/admin/tst?/changeRole', { userId: String(demoAdminId), role: 'viewer' })).status
		).toBe(200);
		const demote = await admin.postForm('/admin/tst?/changeRole', {
			userId: String(adminId),
			role: 'viewer'
		});
		expect(demote.status).toBe(400);
		expect(await demote.text()).toContain('at least one administrator');
		expect((await admin.postForm('/admin/tst?/revokeRole', { userId: String(adminId) })).status).toBe(400);
		const [{ n: admins }] = await test.db.sql<
			{ n: number }[]
		>`select count(*)::int as n from user_roles where rcc_id = 'tst' and role = 'rcc_admin'`;
		expect(admins).toBe(1);
		const removed = await admin.postForm('/admin/tst?/revokeRole', { userId: String(viewerId) });
		expect(removed.status).toBe(200);
		expect(await test.db.sql`select 1 from user_roles where user_id = ${viewerId}`).toHaveLength(0);
		const entries = await audit.query(test.db.sql, { rccId: 'tst', action: 'role.changed' });
		expect(entries.find((e) => e.subject === 'viewer@test.local')?.details).toEqual({
			from: 'viewer',
			to: 'commissioner',
			laCode: LA.A
		});
	});

	it('adds and removes member LAs; removing one ends its commissioners’ roles there', async () => {
		expect((await admin.postForm('/admin/tst?/addLa', { laCode: LA.C })).status).toBe(200);
		expect(
			await test.db.sql`select 1 from rcc_members where rcc_id = 'tst' and la_code = ${LA.C}`
		).toHaveLength(1);
		await addAccount(test.db.sql, 'gamma@test.local', [{ rccId: 'tst', role: 'commissioner', laCode: LA.C }]);
		expect((await admin.postForm('/admin/tst?/removeLa', { laCode: LA.C })).status).toBe(200);
		expect(
			await test.db.sql`select 1 from rcc_members where rcc_id = 'tst' and la_code = ${LA.C}`
		).toHaveLength(0);
		expect(
			await test.db
				.sql`select 1 from user_roles r join users u on u.id = r.user_id where u.email = 'gamma@test.local'`
		).toHaveLength(0);
		const [entry] = await audit.query(test.db.sql, { rccId: 'tst', action: 'rcc.member_removed' });
		expect(entry).toMatchObject({
			subject: LA.C,
			actorEmail: 'admin@test.local',
			details: { commissionerRolesRemoved: 1 }
		});
	});

	it('the audit log page filters by action and person', async () => {
		const page = await admin.get('/admin/tst/audit?action=rcc.member_added&actor=ADMIN');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('govuk-tag--grey">rcc.member_added<');
		expect(html).not.toContain('govuk-tag--grey">rcc.member_removed<');
		expect(html).toContain('1 entry<');
	});

	it('refuses every admin action to a viewer, changing nothing', async () => {
		const viewer = new Session(app.origin);
		await addAccount(test.db.sql, 'viewer2@test.local', [{ rccId: 'tst', role: 'viewer' }]);
		await viewer.signIn('viewer2@test.local', PASSWORD);
		const response = await viewer.postForm('/admin/tst?/addPerson', {
			email: 'x@y.z',
			name: 'X',
			role: 'rcc_admin'
		});
		expect(response.status).toBe(403);
		expect(await test.db.sql`select 1 from users where email = 'x@y.z'`).toHaveLength(0);
	});
});

describe('npm run user:create', () => {
	const run = (args: string[], input: string, env: Record<string, string>) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/user-create.ts', ...args], {
			input,
			env: { ...process.env, DATABASE_URL: '', ...env },
			encoding: 'utf8',
			timeout: 120_000
		});

	it('creates the first administrator (and their RCC) with the password from stdin, never from argv', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-user-create-'));
		try {
			const argv = run(
				['--email', 'first@rcc.example', '--role', 'rcc_admin', '--rcc', 'north', '--password', 'x'],
				'',
				{
					DATA_DIR: dataDir
				}
			);
			expect(argv.status).toBe(1);
			expect(argv.stderr).toMatch(/Never pass a password on the command line/);
			const short = run(
				['--email', 'first@rcc.example', '--role', 'rcc_admin', '--rcc', 'north'],
				'short\n',
				{
					DATA_DIR: dataDir
				}
			);
			expect(short.status).toBe(1);
			expect(short.stderr).toMatch(/at least 10 characters/);
			const created = run(
				[
					'--email',
					'First@RCC.example',
					'--role',
					'rcc_admin',
					'--rcc',
					'north',
					'--rcc-name',
					'North RCC',
					'--name',
					'First Admin'
				],
				'a long enough password\n',
				{ DATA_DIR: dataDir }
			);
			expect(created.stderr).toBe('');
			expect(created.stdout).toContain('User first@rcc.example created: rcc_admin of north.');
			const db = await openDatabase({ databaseUrl: null, dataDir });
			try {
				const result = await signIn(db.sql, {
					email: 'first@rcc.example',
					password: 'a long enough password',
					...client
				});
				expect(result.ok).toBe(true);
				const [role] = await db.sql`select r.role, c.name from user_roles r join rccs c on c.id = r.rcc_id`;
				expect(role).toEqual({ role: 'rcc_admin', name: 'North RCC' });
				const actions = (await audit.query(db.sql)).map((e) => e.action);
				expect(actions).toEqual(expect.arrayContaining(['user.created', 'role.granted']));
			} finally {
				await db.close();
			}
			const platform = run(
				['--email', 'Platform@RCC.example', '--platform-admin'],
				'another long password\n',
				{
					DATA_DIR: dataDir
				}
			);
			expect(platform.stderr).toBe('');
			expect(platform.stdout).toContain('User platform@rcc.example created: platform administrator.');
			// The first administrator becomes one too, keeping their role.
			const both = run(
				['--email', 'first@rcc.example', '--role', 'rcc_admin', '--rcc', 'north', '--platform-admin'],
				'a long enough password\n',
				{
					DATA_DIR: dataDir
				}
			);
			// Setting the password of an existing account ends its sessions (one, from the sign-in above).
			expect(both.stdout).toMatch(
				/User first@rcc\.example updated, \d+ sessions? ended: rcc_admin of north, platform administrator\./
			);
			const halfGrant = run(
				['--email', 'x@rcc.example', '--platform-admin', '--role', 'viewer'],
				'a long enough password\n',
				{
					DATA_DIR: dataDir
				}
			);
			expect(halfGrant.status).toBe(1);
			expect(halfGrant.stderr).toMatch(/--rcc is missing/);
			const check = await openDatabase({ databaseUrl: null, dataDir });
			try {
				expect(await check.sql`select email, platform_admin from users order by email`).toEqual([
					{ email: 'first@rcc.example', platform_admin: true },
					{ email: 'platform@rcc.example', platform_admin: true }
				]);
				const [entry] = await audit.query(check.sql, { action: 'user.platform_admin' });
				expect(entry).toMatchObject({ subject: 'first@rcc.example', rccId: null });
				expect(
					await check.sql`select role from user_roles r join users u on u.id = r.user_id where u.email = 'platform@rcc.example'`
				).toEqual([]);
			} finally {
				await check.close();
			}
		} finally {
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
