import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportKind } from './import-kind';

/**
 * Files uploaded on the import page, held on this instance's disk (owner-only) from the first chunk to
 * the import or its cancelling, and never longer than an hour: the raw file is not kept. Uploads come
 * in chunks because no request body may exceed 1 MiB (request-guard.ts); a deployment of several
 * instances routes an upload's requests to one of them (sticky sessions).
 */
export interface Upload {
	id: string;
	userId: number;
	rccId: string;
	kind: ImportKind;
	laCodes: string[];
	/** dd/mm/yyyy or null (today). */
	asAt: string | null;
	fileName: string;
	bytes: number;
	createdAt: number;
}

export const UPLOAD_TTL_MS = 60 * 60 * 1000;
export const CHUNK_BYTES = 768 * 1024;
const ID = /^[0-9a-f]{32}$/;

export function uploadsDir(): string {
	const dir = path.join(os.tmpdir(), 'close-to-home-uploads');
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	return dir;
}

const paths = (dir: string, id: string) => ({
	meta: path.join(dir, `${id}.json`),
	data: path.join(dir, `${id}.part`)
});

/** Deletes uploads older than the time-to-live (called as new ones start). */
export function sweepUploads(dir: string, now = Date.now()): void {
	for (const name of fs.readdirSync(dir)) {
		const file = path.join(dir, name);
		try {
			if (now - fs.statSync(file).mtimeMs > UPLOAD_TTL_MS) fs.rmSync(file, { force: true });
		} catch {
			// Gone already (another request swept it).
		}
	}
}

export function createUpload(dir: string, upload: Omit<Upload, 'id' | 'createdAt'>): Upload {
	sweepUploads(dir);
	const record: Upload = { ...upload, id: randomBytes(16).toString('hex'), createdAt: Date.now() };
	const { meta, data } = paths(dir, record.id);
	fs.writeFileSync(data, '', { mode: 0o600, flag: 'wx' });
	fs.writeFileSync(meta, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
	return record;
}

/** The user's upload with this id, or null (another user's is null too: it is not revealed). */
export function findUpload(
	dir: string,
	id: string,
	userId: number
): (Upload & { received: number; file: string }) | null {
	if (!ID.test(id)) return null;
	const { meta, data } = paths(dir, id);
	try {
		const record = JSON.parse(fs.readFileSync(meta, 'utf8')) as Upload;
		if (record.userId !== userId || Date.now() - record.createdAt > UPLOAD_TTL_MS) return null;
		return { ...record, received: fs.statSync(data).size, file: data };
	} catch {
		return null;
	}
}

/** Appends a chunk at `offset` (which must be what has arrived so far); false when it does not fit. */
export function appendChunk(
	upload: Upload & { received: number; file: string },
	offset: number,
	chunk: Uint8Array
): boolean {
	if (offset !== upload.received || offset + chunk.byteLength > upload.bytes) return false;
	fs.appendFileSync(upload.file, chunk);
	return true;
}

export function deleteUpload(dir: string, id: string): void {
	if (!ID.test(id)) return;
	const { meta, data } = paths(dir, id);
	fs.rmSync(meta, { force: true });
	fs.rmSync(data, { force: true });
}
