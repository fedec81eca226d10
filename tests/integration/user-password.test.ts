import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/audit';
import { createSession, userFromSessionToken } from '../../src/lib/server/auth/sessions';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { THROTTLE } from '../../src/lib/server/auth/throttle';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { addAccount, PASSWORD } from './helpers/accounts';

const NEW_PASSWORD = 'a brand new password';
const client = { address: '192.0.2.1', userAgent: 'test' };

describe('npm run user:password (and user:create on an existing account)', () => {
	let dataDir: string;
	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-user-password-'));
		await withDb(async (db) => {
			await migrate(db, readMigrations(path.resolve('migrations')));
			await db.sql`insert into rccs (id, name) values ('north', 'North')`;
			await addAccount(db.sql, 'first@rcc.example', [{ rccId: 'north', role: 'rcc_admin' }]);
		});
	});
	afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	/** The CLI needs the data directory to itself: the test opens it only between runs. */
	async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
		const db = await openDatabase({ databaseUrl: null, dataDir });
		try {
			return await work(db);
		} finally {
			await db.close();
		}
	}

	const run = (script: string, args: string[], input: string) =>
		spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
			input,
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
			encoding: 'utf8',
			timeout: 120_000
		});

	/** Two live sessions (and no other), and the account held back by failed guesses from two addresses. */
	async function signedInAndThrottled(db: Database): Promise<string[]> {
		await db.sql`delete from sessions`;
		const [user] = await db.sql<{ id: number }[]>`select id from users where email = 'first@rcc.example'`;
		const tokens = [
			(await createSession(db.sql, user.id, client)).token,
			(await createSession(db.sql, user.id, client)).token
		];
		for (const address of ['198.51.100.1', '198.51.100.2']) {
			for (let i = 0; i <= THROTTLE.accountAddress.free; i++) {
				await signIn(db.sql, {
					email: 'first@rcc.example',
					password: `guess ${i}`,
					address,
					userAgent: null
				});
			}
		}
		expect(
			await signIn(db.sql, {
				email: 'first@rcc.example',
				password: PASSWORD,
				address: '198.51.100.1',
				userAgent: null
			})
		).toMatchObject({ reason: 'throttled' });
		return tokens;
	}

	it('refuses a password on the command line, a short one and an unknown account, changing nothing', () => {
		const argv = run('user-password', ['--email', 'first@rcc.example', '--password', NEW_PASSWORD], '');
		expect(argv.status).toBe(1);
		expect(argv.stderr).toMatch(/^Never pass a password on the command line/);
		const short = run('user-password', ['--email', 'first@rcc.example'], 'short\n');
		expect(short.status).toBe(1);
		expect(short.stderr).toMatch(/^The password must be at least 10 characters long/);
		const unknown = run('user-password', ['--email', 'Nobody@rcc.example'], `${NEW_PASSWORD}\n`);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr.trim()).toBe('There is no account with the email nobody@rcc.example.');
		const missing = run('user-password', [], `${NEW_PASSWORD}\n`);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/^--email is missing.\nUsage: npm run user:password -- --email EMAIL/);
	});

	it('sets the password, ends every session of the account and lifts its sign-in delays', async () => {
		const tokens = await withDb(signedInAndThrottled);
		const reset = run('user-password', ['--email', 'First@RCC.example'], `${NEW_PASSWORD}\n`);
		expect(reset.stderr).toBe('');
		expect(reset.status).toBe(0);
		expect(reset.stdout.trim()).toBe(
			'Password of first@rcc.example set; 2 sessions ended. They sign in again with the new password.'
		);
		await withDb(async (db) => {
			for (const token of tokens) expect(await userFromSessionToken(db.sql, token)).toBeNull();
			expect(await db.sql`select 1 from sessions`).toHaveLength(0);
			const from = (address: string, password: string) =>
				signIn(db.sql, { email: 'first@rcc.example', password, address, userAgent: null });
			expect(await from('198.51.100.1', PASSWORD)).toEqual({ ok: false, reason: 'wrong' });
			expect((await from('198.51.100.2', NEW_PASSWORD)).ok).toBe(true);
			const [entry] = await audit.query(db.sql, { action: 'user.password_set' });
			expect(entry).toMatchObject({
				subject: 'first@rcc.example',
				details: { via: 'command line', sessionsEnded: 2 }
			});
		});
	});

	it('user:create on an existing account ends its sessions too', async () => {
		const tokens = await withDb(signedInAndThrottled);
		const again = run(
			'user-create',
			['--email', 'first@rcc.example', '--role', 'rcc_admin', '--rcc', 'north'],
			`${PASSWORD}\n`
		);
		expect(again.stderr).toBe('');
		expect(again.stdout.trim()).toBe('User first@rcc.example updated, 2 sessions ended: rcc_admin of north.');
		await withDb(async (db) => {
			for (const token of tokens) expect(await userFromSessionToken(db.sql, token)).toBeNull();
			expect((await signIn(db.sql, { email: 'first@rcc.example', password: PASSWORD, ...client })).ok).toBe(
				true
			);
		});
	});
});
