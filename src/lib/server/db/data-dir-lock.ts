import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Inside the data directory, as Postgres keeps its postmaster.pid: PGlite has no lock of its own, and
 * two processes opening one directory (the server and `npm run user:create`) corrupt it.
 */
export const LOCK_FILE = 'close-to-home.lock';

export interface LockHolder {
	pid: number;
	host: string;
	/** What the holder was started as (server/index.ts, user-create.ts...), for the message. */
	command: string;
}

export type DataDirLock = { ok: true; release(): void } | { ok: false; holder: LockHolder };

interface LockContent extends LockHolder {
	/** Tells this lock from a later one of a reused pid. */
	nonce: string;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists and belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** 'missing' when there is no file; null when it cannot be a lock of ours (treated as stale). */
function read(file: string): LockContent | 'missing' | null {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
		throw error;
	}
	try {
		const content = JSON.parse(text) as Partial<LockContent>;
		if (Number.isInteger(content.pid) && typeof content.host === 'string') return content as LockContent;
	} catch {
		// Not JSON: not written by us.
	}
	return null;
}

function isHeld(content: LockContent | null): boolean {
	// A lock from another machine (a shared network drive) cannot be checked from here: it is respected.
	return content !== null && (content.host !== os.hostname() || isAlive(content.pid));
}

/**
 * Creates `file` with `content` or returns false if it exists, atomically: written aside, then hard-linked
 * into place (link fails on an existing name), so no reader ever sees a half-written lock.
 */
function create(file: string, content: LockContent): boolean {
	const aside = `${file}.${process.pid}.${content.nonce}`;
	fs.writeFileSync(aside, JSON.stringify(content));
	try {
		fs.linkSync(aside, file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	} finally {
		fs.rmSync(aside, { force: true });
	}
}

function newContent(): LockContent {
	return {
		pid: process.pid,
		host: os.hostname(),
		command: path.basename(process.argv[1] ?? process.argv0),
		nonce: randomBytes(8).toString('hex')
	};
}

/**
 * Removes a lock left by a process that died, under a second lock, so that two processes finding the same
 * stale lock cannot both take it: only the one holding `.takeover` may delete, and it re-reads first.
 */
function clearStale(file: string): void {
	const takeover = `${file}.takeover`;
	const mine = newContent();
	if (!create(takeover, mine)) {
		const other = read(takeover);
		if (other !== 'missing' && !isHeld(other)) fs.rmSync(takeover, { force: true });
		return;
	}
	try {
		const current = read(file);
		if (current !== 'missing' && !isHeld(current)) fs.rmSync(file, { force: true });
	} finally {
		fs.rmSync(takeover, { force: true });
	}
}

/**
 * Takes the data directory for this process, or says who holds it. A lock whose process is gone (a crash,
 * a kill -9) is taken over. Released by `release()` or, failing that, when the process exits.
 */
export function lockDataDir(dataDir: string): DataDirLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = path.join(dataDir, LOCK_FILE);
	const content = newContent();
	for (let attempt = 0; attempt < 5; attempt++) {
		if (create(file, content)) {
			const release = () => {
				process.off('exit', release);
				const current = read(file);
				if (current !== 'missing' && current?.nonce === content.nonce) fs.rmSync(file, { force: true });
			};
			process.on('exit', release);
			return { ok: true, release };
		}
		const holder = read(file);
		if (holder !== 'missing' && holder !== null && isHeld(holder)) {
			return { ok: false, holder: { pid: holder.pid, host: holder.host, command: holder.command } };
		}
		clearStale(file);
	}
	// Only other processes taking and dropping the lock in a tight loop get us here.
	return { ok: false, holder: { pid: 0, host: os.hostname(), command: 'another process' } };
}
