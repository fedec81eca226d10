import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileProblem, ImportRefused } from './import-problem';

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface SniffedFile {
	bytes: number;
	/** Hex SHA-256 of the file as uploaded, for the audit log. */
	sha256: string;
	format: FileFormat;
	/** For CSV: UTF-8 (with or without a byte-order mark) when every byte sequence is valid, else Windows-1252. */
	encoding: TextEncoding;
}

export interface SniffLimits {
	/** Larger files are refused from their size alone, before a byte is read. */
	maxBytes: number;
	/** A line longer than this holds a field no import column needs (an attack or a wrong file). */
	maxLineBytes: number;
	/** Whether an Excel workbook is accepted (Ofsted's list) or only CSV. */
	acceptXlsx: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const GZIP_MAGIC = [0x1f, 0x8b];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

function megabytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${bytes.toLocaleString('en-GB')} bytes`;
	return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Reads a file once, as a stream, to learn what it is before it is parsed: its size (checked before
 * reading), hash, format from its first bytes (not its name: a ZIP renamed .csv is still a ZIP), text
 * encoding, and that no line is absurdly long. Refuses with one problem what cannot be imported.
 */
export async function sniffFile(file: string, limits: SniffLimits): Promise<SniffedFile> {
	const { size } = await fs.promises.stat(file);
	if (size > limits.maxBytes) {
		throw new ImportRefused([
			fileProblem(
				`the file is ${megabytes(size)}, more than the ${megabytes(limits.maxBytes)} an import accepts`,
				'split it (for example one collection year per file), or ask the administrator to raise IMPORT_MAX_BYTES'
			)
		]);
	}
	if (size === 0)
		throw new ImportRefused([fileProblem('the file is empty', 'choose the file holding the data')]);

	const hash = createHash('sha256');
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	let validUtf8 = true;
	let head: Uint8Array | null = null;
	let binary = false;
	let line = 1;
	let lineBytes = 0;
	let longLine: number | null = null;
	let nul = false;
	for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (!head) {
			head = Uint8Array.from(chunk.subarray(0, 8));
			binary = [ZIP_MAGIC, OLE_MAGIC, GZIP_MAGIC].some((magic) => startsWith(head!, magic));
		}
		// Archives and workbooks are only hashed here; what they hold is the parser's to judge.
		if (binary) continue;
		if (validUtf8) {
			try {
				utf8.decode(chunk, { stream: true });
			} catch {
				validUtf8 = false;
			}
		}
		for (let i = 0; i < chunk.length; i++) {
			const byte = chunk[i];
			if (byte === 0x0a) {
				line++;
				lineBytes = 0;
			} else if (++lineBytes > limits.maxLineBytes && longLine === null) longLine = line;
			else if (byte === 0) nul = true;
		}
	}
	if (validUtf8) {
		try {
			utf8.decode();
		} catch {
			validUtf8 = false;
		}
	}
	const sha256 = hash.digest('hex');
	const first = head ?? new Uint8Array();
	if (startsWith(first, ZIP_MAGIC)) {
		if (limits.acceptXlsx) return { bytes: size, sha256, format: 'xlsx', encoding: 'utf-8' };
		throw new ImportRefused([
			fileProblem(
				'the file is a ZIP archive (an Excel workbook or a compressed file), whatever its name says',
				'open it in Excel and save it as "CSV UTF-8 (comma delimited)", or unzip it and choose the CSV inside'
			)
		]);
	}
	if (startsWith(first, OLE_MAGIC) || startsWith(first, GZIP_MAGIC)) {
		throw new ImportRefused([
			fileProblem(
				'the file is an old Excel workbook (.xls) or a compressed file, not CSV',
				'open it in Excel and save it as "CSV UTF-8 (comma delimited)"'
			)
		]);
	}
	if (nul) {
		throw new ImportRefused([
			fileProblem(
				'the file holds binary data (zero bytes), not CSV text',
				'choose the CSV file exported from your system'
			)
		]);
	}
	if (longLine !== null) {
		throw new ImportRefused([
			{
				row: longLine,
				column: null,
				value: null,
				problem: `the line is longer than ${limits.maxLineBytes.toLocaleString('en-GB')} bytes: no column of an import holds that much`,
				fix: 'check the file is the right one and that no cell holds pasted text or an image'
			}
		]);
	}
	return { bytes: size, sha256, format: 'csv', encoding: validUtf8 ? 'utf-8' : 'windows-1252' };
}
