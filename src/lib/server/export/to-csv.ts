import Papa from 'papaparse';
import { WITHHELD, type ExportTable } from './export-table';

/**
 * A cell a spreadsheet would run as a formula or a command starts with one of these (OWASP "CSV
 * injection"): =, +, -, @, tab, carriage return, line feed, and their full-width forms, which some
 * spreadsheets read the same. papaparse's own default pattern (`/^[=+\-@\t\r].*$/`) misses a formula
 * followed by a line break, since `.` stops at one: hence a pattern that looks at the first
 * character only.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The table as CSV (RFC 4180, CRLF line ends), every text cell that could start a formula prefixed with
 * `'` and quoted, so that a spreadsheet shows it as text. Numbers are written as numbers, a negative
 * one included: it is not text a spreadsheet runs.
 */
export function toCsv(table: ExportTable): string {
	const data = table.rows.map((row) =>
		table.columns.map((column) => {
			const value = row.values[column];
			if (value === WITHHELD) return 'withheld';
			return value ?? null;
		})
	);
	return Papa.unparse(
		{ fields: [...table.columns], data },
		{ escapeFormulae: FORMULA_START, newline: '\r\n', header: true }
	);
}
