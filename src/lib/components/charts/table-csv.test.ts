import { describe, expect, it } from 'vitest';
import { tableCsv } from './table-csv';

describe('tableCsv', () => {
	const columns = [
		{ label: 'LA', value: (row: { name: string; n: number | null }) => row.name },
		{ label: 'Children', value: (row: { name: string; n: number | null }) => row.n }
	];

	it('writes a header and one line per row, quoting where needed, null as empty', () => {
		expect(
			tableCsv(columns, [
				{ name: 'Bolton', n: 590 },
				{ name: 'Bristol, City of', n: null }
			])
		).toBe('LA,Children\r\nBolton,590\r\n"Bristol, City of",');
	});

	it('keeps text that a spreadsheet would run as a formula as text', () => {
		expect(tableCsv(columns, [{ name: '=HYPERLINK("x")', n: -3 }])).toBe(
			'LA,Children\r\n"\'=HYPERLINK(""x"")",-3'
		);
	});
});
