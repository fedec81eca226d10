import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportRefused } from './import-problem';
import { ProblemList } from './problem-list';
import { readCsvRows, type FileRow } from './read-csv-rows';

const FIXTURES = path.resolve('tests/fixtures/import');
const COLUMNS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'];

async function rows(file: string, encoding: 'utf-8' | 'windows-1252', maxFieldChars = 1000) {
	const problems = new ProblemList();
	const read: FileRow[] = [];
	for await (const row of readCsvRows(path.join(FIXTURES, file), encoding, {
		columns: COLUMNS,
		maxFieldChars,
		problems
	}))
		read.push(row);
	return { read, problems };
}

describe('readCsvRows', () => {
	it('reads a byte-order mark and Windows line ends', async () => {
		const { read } = await rows('header-bom-crlf.csv', 'utf-8');
		expect(read).toEqual([
			{
				row: 2,
				cells: { CHILD: '1001', SEX: '1', DOB: '15/06/2010', ETHNIC: 'WBRI', UPN: '', MOTHER: '', MC_DOB: '' }
			}
		]);
	});
	it('decodes Windows-1252 (extra columns are ignored)', async () => {
		const { read } = await rows('header-windows-1252.csv', 'windows-1252');
		expect(read[0].cells.CHILD).toBe('1001');
	});
	it('names the expected columns when some are missing', async () => {
		await expect(rows('header-missing-columns.csv', 'utf-8')).rejects.toThrow(ImportRefused);
	});
	it('puts over-long cells among the problems and does not yield their row', async () => {
		const { read, problems } = await rows('header-good.csv', 'utf-8', 12);
		expect(read.map((r) => r.row)).toEqual([3, 4, 5, 6]);
		expect(problems.errors).toEqual([
			expect.objectContaining({
				row: 2,
				column: 'UPN',
				value: 'A123456789012',
				problem: 'the value is 13 characters long, more than the 12 allowed'
			})
		]);
	});
});
