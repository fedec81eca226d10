import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { WITHHELD, type ExportTable } from './export-table';
import { toCsv } from './to-csv';

const table = (values: ExportTable['rows'][number]['values'][]): ExportTable => ({
	columns: ['a', 'b'],
	rows: values.map((row) => ({ geometry: null, values: row }))
});

describe('toCsv', () => {
	it('writes a header, CRLF line ends, numbers and booleans as they are, nothing for null', () => {
		expect(
			toCsv(
				table([
					{ a: 1.5, b: true },
					{ a: null, b: 'x' }
				])
			)
		).toBe('a,b\r\n1.5,true\r\n,x');
	});

	it('writes a withheld figure as "withheld"', () => {
		expect(toCsv(table([{ a: WITHHELD, b: 3 }]))).toBe('a,b\r\nwithheld,3');
	});

	it.each([
		'=1+1',
		'+1',
		'-1+2',
		'@SUM(A1)',
		'\t=1',
		'\r=1',
		'\n=1',
		'=1\n2',
		'\uFF1D1',
		'\uFF0B1',
		'\uFF0D1',
		'\uFF201'
	])('prefixes %j with an apostrophe, so a spreadsheet shows it as text', (value) => {
		const [row] = Papa.parse<string[]>(toCsv(table([{ a: value, b: 'ok' }])), {
			skipEmptyLines: true
		}).data.slice(1);
		expect(row).toEqual([`'${value}`, 'ok']);
	});

	it('leaves numbers, a negative one included, and text that merely contains the characters', () => {
		expect(toCsv(table([{ a: -2.25, b: 'a=b, c-d "q"' }]))).toBe('a,b\r\n-2.25,"a=b, c-d ""q"""');
	});
});
