import ExcelJS from 'exceljs';
import { ImportRefused, fileProblem } from './import-problem';
import { columnKey, matchHeader, type FileRow, type RowReadOptions } from './read-csv-rows';

/** Ofsted's workbooks put a title and notes above the table: the header is looked for this far down. */
const HEADER_SEARCH_ROWS = 20;

function text(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
	}
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((part) => part.text).join('');
		if ('text' in value) return String(value.text);
		if ('result' in value) return text(value.result as ExcelJS.CellValue);
		if ('error' in value) return '';
	}
	return String(value);
}

/**
 * Streams the rows of the first sheet of a workbook that holds the expected columns (Ofsted publishes
 * several sheets), never the whole workbook in memory. Cells are turned to text as a CSV would hold
 * them: dates as dd/mm/yyyy.
 */
export async function* readXlsxRows(file: string, options: RowReadOptions): AsyncGenerator<FileRow> {
	let reader: ExcelJS.stream.xlsx.WorkbookReader;
	try {
		reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
			sharedStrings: 'cache',
			styles: 'cache',
			worksheets: 'emit'
		});
	} catch {
		throw new ImportRefused([
			fileProblem(
				'the file cannot be read as an Excel workbook',
				'save it again from Excel as .xlsx, or as CSV'
			)
		]);
	}
	const wanted = options.columns.map(columnKey);
	let lastProblem: ImportRefused | null = null;
	try {
		for await (const sheet of reader) {
			let index: Map<string, number> | null = null;
			for await (const row of sheet) {
				const values = (row.values as ExcelJS.CellValue[]).slice(1).map(text);
				if (!index) {
					if (row.number > HEADER_SEARCH_ROWS) break;
					if (!values.some((value) => wanted.includes(columnKey(value)))) continue;
					try {
						index = matchHeader(values, options.columns);
					} catch (error) {
						if (!(error instanceof ImportRefused)) throw error;
						lastProblem = error;
						break;
					}
					continue;
				}
				const cells: Record<string, string> = {};
				let fits = true;
				for (const [column, at] of index) {
					const value = values[at] ?? '';
					if (value.length > options.maxFieldChars) {
						fits = false;
						options.problems.error({
							row: row.number,
							column,
							value,
							problem: `the value is ${value.length} characters long, more than the ${options.maxFieldChars} allowed`,
							fix: 'put the expected value in the cell'
						});
					}
					cells[column] = value;
				}
				if (fits && values.some((value) => value !== '')) yield { row: row.number, cells };
			}
			if (index) return;
		}
	} catch (error) {
		if (error instanceof ImportRefused) throw error;
		throw new ImportRefused([
			fileProblem(
				`the file cannot be read as an Excel workbook (${(error as Error).message})`,
				'save it again from Excel as .xlsx, or as CSV'
			)
		]);
	}
	throw (
		lastProblem ??
		new ImportRefused([
			fileProblem(
				'no sheet of the workbook has the expected header row',
				`a sheet's first rows must name the columns ${options.columns.join(', ')}`
			)
		])
	);
}
