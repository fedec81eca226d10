import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportRefused } from './import-problem';
import { sniffFile } from './sniff-file';

const FIXTURES = path.resolve('tests/fixtures/import');
const limits = { maxBytes: 1024 * 1024, maxLineBytes: 1024, acceptXlsx: false };

async function refusal(file: string, options = limits): Promise<string> {
	try {
		await sniffFile(file, options);
	} catch (error) {
		if (error instanceof ImportRefused) return error.problems[0].problem;
		throw error;
	}
	throw new Error('not refused');
}

describe('sniffFile', () => {
	it('tells UTF-8 (with or without a BOM) from Windows-1252, and hashes the file', async () => {
		expect(await sniffFile(path.join(FIXTURES, 'header-good.csv'), limits)).toMatchObject({
			format: 'csv',
			encoding: 'utf-8'
		});
		expect(await sniffFile(path.join(FIXTURES, 'header-bom-crlf.csv'), limits)).toMatchObject({
			encoding: 'utf-8'
		});
		const latin = await sniffFile(path.join(FIXTURES, 'header-windows-1252.csv'), limits);
		expect(latin.encoding).toBe('windows-1252');
		expect(latin.sha256).toMatch(/^[0-9a-f]{64}$/);
	});
	it('refuses by size before reading, and empty, ZIP, binary and long-lined files', async () => {
		expect(await refusal(path.join(FIXTURES, 'header-good.csv'), { ...limits, maxBytes: 10 })).toMatch(
			/more than the 10 bytes/
		);
		expect(await refusal(path.join(FIXTURES, 'empty.csv'))).toBe('the file is empty');
		expect(await refusal(path.join(FIXTURES, 'zip-renamed.csv'))).toMatch(/^the file is a ZIP archive/);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-sniff-'));
		try {
			fs.writeFileSync(path.join(dir, 'nul.csv'), 'A,B\n1,\0\n');
			expect(await refusal(path.join(dir, 'nul.csv'))).toMatch(/binary data/);
			fs.writeFileSync(path.join(dir, 'long.csv'), `A,B\n1,${'x'.repeat(2000)}\n`);
			expect(await refusal(path.join(dir, 'long.csv'))).toMatch(/longer than 1,024 bytes/);
			fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
			expect(await refusal(path.join(dir, 'old.xls'))).toMatch(/old Excel workbook/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
	it('accepts a ZIP as a workbook where the kind reads XLSX', async () => {
		expect(
			await sniffFile(path.join(FIXTURES, 'zip-renamed.csv'), { ...limits, acceptXlsx: true })
		).toMatchObject({ format: 'xlsx' });
	});
});
