import Papa from 'papaparse';

export interface TableColumn<Row> {
	label: string;
	/** The cell as shown and as written to the CSV; null is an empty cell. */
	value: (row: Row) => string | number | null;
}

/**
 * A chart's table as CSV (RFC 4180, header row of the column labels). A cell that a spreadsheet
 * would run as a formula (= + - @ at the start, for text) is prefixed with ' so it stays text.
 */
export function tableCsv<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): string {
	const safe = (value: string | number | null) =>
		value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return Papa.unparse({
		fields: columns.map((column) => column.label),
		data: rows.map((row) => columns.map((column) => safe(column.value(row))))
	});
}
