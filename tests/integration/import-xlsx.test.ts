import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import/run-import';
import { createImportDatabase, MANCHESTER, withDatabase } from './helpers/import-database';

/** Ofsted's list as a workbook: notes above the table, dates as Excel dates, the same rows as the CSV fixture. */
async function ofstedWorkbook(file: string): Promise<void> {
	const rows = parse(
		fs.readFileSync(path.resolve('tests/fixtures/import/ofsted-providers.csv'), 'utf8')
	) as string[][];
	const workbook = new ExcelJS.Workbook();
	workbook.addWorksheet('Notes').addRow(['About this data']);
	const sheet = workbook.addWorksheet('Provider level data');
	sheet.addRow(["Children's social care providers at 31 March 2025"]);
	sheet.addRow([]);
	const header = rows[0];
	sheet.addRow(header);
	for (const row of rows.slice(1)) {
		sheet.addRow(
			row.map((value, i) => {
				if (/date$/i.test(header[i]) && /^\d{2}\/\d{2}\/\d{4}$/.test(value)) {
					const [d, m, y] = value.split('/').map(Number);
					return new Date(Date.UTC(y, m - 1, d));
				}
				return header[i] === 'Places' && value !== '' ? Number(value) : value;
			})
		);
	}
	await workbook.xlsx.writeFile(file);
}

describe("Ofsted's list as XLSX", () => {
	let dataDir: string;
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cth-import-xlsx-'));
	beforeAll(async () => {
		dataDir = await createImportDatabase('cth-import-xlsx-');
	}, 300_000);
	afterAll(() => {
		fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('reads the sheet holding the table, below its notes, as the CSV', async () => {
		const file = path.join(scratch, 'providers.xlsx');
		await ofstedWorkbook(file);
		const outcome = await withDatabase(dataDir, async ({ sql }) => {
			await sql`select 1`;
			return runImport(sql, {
				kind: 'ofsted-providers',
				laCodes: [MANCHESTER],
				file,
				dryRun: false,
				actor: null,
				via: 'test'
			});
		});
		expect(outcome.changes).toEqual({
			"children's homes (closed: removed)": { added: 1, updated: 1, removed: 1 }
		});
		const homes = await withDatabase(
			dataDir,
			({ sql }) => sql`
			select urn, places, to_char(inspection_date, 'DD/MM/YYYY') as inspected from homes where urn in ('1000001', '1000004') order by urn`
		);
		expect(homes).toEqual([
			{ urn: '1000001', places: 4, inspected: '05/11/2024' },
			{ urn: '1000004', places: 3, inspected: '05/11/2024' }
		]);
	}, 300_000);

	it('refuses a workbook without the table, and a corrupt one', async () => {
		const empty = path.join(scratch, 'empty.xlsx');
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Sheet1').addRow(['nothing here']);
		await workbook.xlsx.writeFile(empty);
		const corrupt = path.join(scratch, 'corrupt.xlsx');
		fs.writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
		await withDatabase(dataDir, async ({ sql }) => {
			await sql`select 1`;
			for (const file of [empty, corrupt]) {
				await expect(
					runImport(sql, {
						kind: 'ofsted-providers',
						laCodes: [MANCHESTER],
						file,
						dryRun: false,
						actor: null,
						via: 'test'
					})
				).rejects.toMatchObject({ problems: [expect.objectContaining({ row: null })] });
			}
		});
	}, 300_000);
});
