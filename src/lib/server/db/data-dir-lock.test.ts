import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from './data-dir-lock';

describe('the data directory lock', () => {
	let dataDir: string;
	let lockFile: string;
	beforeEach(() => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-lock-'));
		lockFile = path.join(dataDir, LOCK_FILE);
	});
	afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	/** The pid of a process that has run and ended. */
	function deadPid(): number {
		const child = spawnSync(process.execPath, ['-e', '']);
		return child.pid!;
	}

	function writeLock(content: object | string) {
		fs.writeFileSync(lockFile, typeof content === 'string' ? content : JSON.stringify(content));
	}

	it('is held by one opener at a time, this process included, until released', () => {
		const first = lockDataDir(dataDir);
		expect(first.ok).toBe(true);
		const second = lockDataDir(dataDir);
		expect(second).toEqual({
			ok: false,
			holder: { pid: process.pid, host: os.hostname(), command: expect.any(String) }
		});
		if (first.ok) first.release();
		expect(fs.existsSync(lockFile)).toBe(false);
		const third = lockDataDir(dataDir);
		expect(third.ok).toBe(true);
		if (third.ok) third.release();
	});

	it('creates a data directory that does not exist yet, to hold the lock in', () => {
		const nested = path.join(dataDir, 'new', 'data');
		const lock = lockDataDir(nested);
		expect(lock.ok).toBe(true);
		expect(fs.readdirSync(nested)).toEqual([LOCK_FILE]);
		if (lock.ok) lock.release();
	});

	it('takes over a lock left by a process that died', () => {
		const pid = deadPid();
		writeLock({ pid, host: os.hostname(), command: 'index.ts', nonce: 'old' });
		const lock = lockDataDir(dataDir);
		expect(lock.ok).toBe(true);
		expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
		if (lock.ok) lock.release();
	});

	it('takes over a file that is not a lock of ours, and a takeover left by a dead process', () => {
		writeLock('garbage');
		fs.writeFileSync(
			`${lockFile}.takeover`,
			JSON.stringify({ pid: deadPid(), host: os.hostname(), command: 'x', nonce: 'y' })
		);
		const lock = lockDataDir(dataDir);
		expect(lock.ok).toBe(true);
		if (lock.ok) lock.release();
		expect(fs.readdirSync(dataDir)).toEqual([]);
	});

	it('respects a live process’s lock, and one from another machine that cannot be checked from here', () => {
		const live = { pid: process.ppid, host: os.hostname(), command: 'index.ts', nonce: 'n' };
		writeLock(live);
		expect(lockDataDir(dataDir)).toEqual({
			ok: false,
			holder: { pid: live.pid, host: live.host, command: 'index.ts' }
		});
		writeLock({ pid: deadPid(), host: 'elsewhere.example', command: 'index.ts', nonce: 'n' });
		const remote = lockDataDir(dataDir);
		expect(remote.ok).toBe(false);
		expect(fs.existsSync(lockFile)).toBe(true);
	});

	it('never removes a lock that is no longer its own', () => {
		const lock = lockDataDir(dataDir);
		const other = { pid: process.ppid, host: os.hostname(), command: 'other', nonce: 'theirs' };
		writeLock(other);
		if (lock.ok) lock.release();
		expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toEqual(other);
	});
});
