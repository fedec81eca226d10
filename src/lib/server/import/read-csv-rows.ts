import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportRefused, type ImportProblem } from './import-problem';
import type { ProblemList } from './problem-list';
import type { TextEncoding } from './sniff-file';

/** One data row: its number in the file (the header is row 1) and its cells by expected column name. */
export interface FileRow {
	row: number;
	cells: Record<string, string>;
}

export interface RowReadOptions {
	/** The columns the kind needs, as the file's producer spells them (compared ignoring case and spaces). */
	columns: readonly string[];
	/** Longest value a cell may hold, in characters. */
	maxFieldChars: number;
	problems: ProblemList;
	/** Called now and then with the share of the file read, 0 to 1. */
	progress?: (fraction: number) => void;
}

export function columnKey(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Maps the file's header to the expected columns, refusing the file when any is missing (naming the
 * expected ones). Extra columns are ignored: systems add their own.
 */
export function matchHeader(header: readonly string[], columns: readonly string[]): Map<string, number> {
	const at = new Map<string, number>();
	header.forEach((name, index) => {
		const key = columnKey(name.replace(/^\uFEFF/, ''));
		if (!at.has(key)) at.set(key, index);
	});
	const found = new Map<string, number>();
	const missing: string[] = [];
	for (const column of columns) {
		const index = at.get(columnKey(column));
		if (index === undefined) missing.push(column);
		else found.set(column, index);
	}
	if (missing.length > 0) {
		const problem: ImportProblem = {
			row: 1,
			column: missing.join(', '),
			value: null,
			problem: `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
			fix: `the first row must name the columns ${columns.join(', ')} (in any order; other columns are ignored)`
		};
		throw new ImportRefused([problem]);
	}
	return found;
}

/** Decodes Windows-1252 as it streams (a character never spans chunks in a single-byte encoding). */
function decoder(encoding: TextEncoding): Transform {
	const text = new TextDecoder(encoding);
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			done(null, text.decode(chunk, { stream: true }));
		},
		flush(done) {
			done(null, text.decode());
		}
	});
}

/**
 * Streams a CSV file's data rows (a header row first), never holding the file in memory. Rows with too
 * many or too few cells, and cells longer than allowed, go to `problems` and are not yielded.
 */
export async function* readCsvRows(
	file: string,
	encoding: TextEncoding,
	options: RowReadOptions
): AsyncGenerator<FileRow> {
	const { size } = await fs.promises.stat(file);
	const input = fs.createReadStream(file, { highWaterMark: 1 << 16 });
	const parser = parse({
		bom: true,
		relax_column_count: true,
		skip_empty_lines: true,
		// A field past this makes csv-parse stop rather than buffer it (a quoted field of megabytes).
		max_record_size: options.maxFieldChars * 64
	});
	const records = input.pipe(decoder(encoding)).pipe(parser);
	let index: Map<string, number> | null = null;
	let width = 0;
	let row = 0;
	let next = 0.05;
	try {
		for await (const record of records as AsyncIterable<string[]>) {
			row++;
			if (!index) {
				index = matchHeader(record, options.columns);
				width = record.length;
				continue;
			}
			if (options.progress && input.bytesRead / size >= next) {
				options.progress(input.bytesRead / size);
				next += 0.05;
			}
			if (record.length !== width && !(record.length > width && record.slice(width).every((c) => c === ''))) {
				options.problems.error({
					row,
					column: null,
					value: null,
					problem: `the row has ${record.length} cells where the header has ${width}`,
					fix: 'check for a comma inside a value that is not in double quotes, or a missing cell'
				});
				continue;
			}
			const cells: Record<string, string> = {};
			let fits = true;
			for (const [column, at] of index) {
				const value = record[at] ?? '';
				if (value.length > options.maxFieldChars) {
					fits = false;
					options.problems.error({
						row,
						column,
						value,
						problem: `the value is ${value.length.toLocaleString('en-GB')} characters long, more than the ${options.maxFieldChars} allowed`,
						fix: 'put the expected code or date in the cell'
					});
				}
				cells[column] = value;
			}
			if (fits) yield { row, cells };
		}
	} catch (error) {
		if (error instanceof ImportRefused) throw error;
		const code = (error as { code?: string }).code;
		// The record being read: csv-parse counts the header among its records.
		const records = (error as { records?: number }).records;
		const line = records === undefined ? null : records + 1;
		if (code === 'CSV_MAX_RECORD_SIZE') {
			throw new ImportRefused([
				{
					row: line,
					column: null,
					value: null,
					problem: 'a value is megabytes long: no column of an import holds that much',
					fix: 'check the file is the right one and that no cell holds pasted text'
				}
			]);
		}
		if (code?.startsWith('CSV_')) {
			throw new ImportRefused([
				{
					row: line,
					column: null,
					value: null,
					problem: `the file is not valid CSV (${(error as Error).message.replace(/^Invalid [^:]+: /, '')})`,
					fix: 'save it again from Excel as "CSV UTF-8 (comma delimited)"; a double quote inside a value must be doubled'
				}
			]);
		}
		throw error;
	} finally {
		input.destroy();
	}
	if (!index) {
		throw new ImportRefused([
			{
				row: null,
				column: null,
				value: null,
				problem: 'the file holds no rows, not even a header',
				fix: `the first row must name the columns ${options.columns.join(', ')}`
			}
		]);
	}
	options.progress?.(1);
}
