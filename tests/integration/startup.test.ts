import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';

/** Starts the production entry as an operator would, expecting it to refuse and exit. */
function start(env: Record<string, string>) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

const dirs: string[] = [];
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-startup-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('refusing to start, on embedded', () => {
	it('a non-empty directory that holds no database: names it, writes nothing into it', () => {
		const dataDir = tempDir();
		fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'my own files');
		const { status, stderr } = start({ DATA_DIR: dataDir });
		expect(status).toBe(1);
		expect(stderr).toContain(dataDir);
		expect(stderr).toMatch(/holds no database/);
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(fs.readdirSync(dataDir)).toEqual(['notes.txt']);
	});

	it('a corrupt database directory: names it, no reseed over it', () => {
		const dataDir = tempDir();
		fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), 'garbage\n');
		fs.mkdirSync(path.join(dataDir, 'base'));
		fs.writeFileSync(path.join(dataDir, 'base', 'junk'), 'not a relation');
		const { status, stderr } = start({ DATA_DIR: dataDir });
		expect(status).toBe(1);
		expect(stderr).toContain(dataDir);
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8')).toBe('garbage\n');
	});

	it('a database from a newer schema: names the directory and the unknown migration', async () => {
		const dataDir = tempDir();
		const db = await openDatabase({ databaseUrl: null, dataDir });
		await migrate(db, readMigrations(path.resolve('migrations')));
		await db.sql`insert into schema_migrations (version, name) values (9999, '9999_from_the_future')`;
		await db.close();
		const { status, stderr } = start({ DATA_DIR: dataDir });
		expect(status).toBe(1);
		expect(stderr).toContain(dataDir);
		expect(stderr).toContain('9999_from_the_future');
		expect(stderr.split('\n')).toHaveLength(1);
	});
});

describe('refusing to start, on postgres', () => {
	it('an unreachable DATABASE_URL: one clear line and a non-zero exit', () => {
		const { status, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
		expect(status).toBe(1);
		expect(stderr.split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/Cannot reach the database at 127\.0\.0\.1:1\/nowhere/);
	});

	it('a DATABASE_URL that is not a URL', () => {
		const { status, stderr } = start({ DATABASE_URL: 'not a url' });
		expect(status).toBe(1);
		expect(stderr).toMatch(/DATABASE_URL is not a valid URL/);
	});
});
