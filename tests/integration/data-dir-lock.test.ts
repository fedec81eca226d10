import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { LOCK_FILE } from '../../src/lib/server/db/data-dir-lock';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { addAccount } from './helpers/accounts';

/** A process holding DATA_DIR open, as `npm start` does; resolves once the database is open. */
function holdDatabase(dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/helpers/hold-database.ts'], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('READY')) resolve(child);
		});
		child.once('exit', (code) => reject(new Error(`the holder exited with ${code} before it was ready`)));
	});
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => (hasExited(child) ? resolve() : child.once('exit', () => resolve())));
}

function cli(script: string, args: string[], dataDir: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
		input: 'a long enough password\n',
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8',
		timeout: 120_000
	});
}

const createArgs = [
	'--email',
	'late@rcc.example',
	'--role',
	'rcc_admin',
	'--rcc',
	'north',
	'--rcc-name',
	'North'
];

describe('one process at a time on an embedded data directory', () => {
	let dataDir: string;
	let holder: ChildProcess | null = null;

	beforeEach(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-locked-'));
		const db = await openDatabase({ databaseUrl: null, dataDir });
		await migrate(db, readMigrations(path.resolve('migrations')));
		await db.sql`insert into rccs (id, name) values ('north', 'North')`;
		await addAccount(db.sql, 'first@rcc.example', [{ rccId: 'north', role: 'rcc_admin' }]);
		await db.close();
	});
	afterEach(async () => {
		if (holder && !hasExited(holder)) {
			holder.kill('SIGKILL');
			await exited(holder);
		}
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('refuses the user commands with one line while the app holds the directory, and the data stays whole', async () => {
		holder = await holdDatabase(dataDir);
		for (const [script, args] of [
			['user-create', createArgs],
			['user-password', ['--email', 'first@rcc.example']]
		] as const) {
			const refused = cli(script, [...args], dataDir);
			expect(refused.status).toBe(1);
			expect(refused.stdout).toBe('');
			expect(refused.stderr.trimEnd().split('\n')).toEqual([
				`The app is running on the data directory ${dataDir} (pid ${holder.pid}, hold-database.ts); ` +
					`stop it first, or set DATA_DIR to another directory. If no such process runs, delete ${path.join(dataDir, LOCK_FILE)}.`
			]);
		}
		// And the app's own second instance.
		await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(
			`The app is running on the data directory ${dataDir} (pid ${holder.pid}, hold-database.ts)`
		);
		holder.kill('SIGTERM');
		await exited(holder);
		expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
		const db = await openDatabase({ databaseUrl: null, dataDir });
		try {
			const rows = await db.sql`select email from users order by email`;
			expect(rows.map((r) => r.email)).toEqual(['first@rcc.example']);
		} finally {
			await db.close();
		}
		const created = cli('user-create', createArgs, dataDir);
		expect(created.stderr).toBe('');
		expect(created.status).toBe(0);
	});

	it('takes over the lock of a server that was killed', async () => {
		holder = await holdDatabase(dataDir);
		holder.kill('SIGKILL');
		await exited(holder);
		const stale = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'));
		expect(stale.pid).toBe(holder.pid);
		const created = cli('user-create', createArgs, dataDir);
		expect(created.stderr).toBe('');
		expect(created.stdout).toContain('User late@rcc.example created');
	});
});
