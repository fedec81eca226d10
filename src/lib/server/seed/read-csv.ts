import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { z } from 'zod';
import { DataFileError } from './data-file-error';

/**
 * Reads a CSV file with a header row and validates every row against `schema` (an object schema whose
 * keys are column names). A missing column, or a row that fails, throws a DataFileError naming the
 * file, the line (the header is line 1), the column and the value.
 */
export function readCsv<Schema extends z.ZodObject>(
	file: string,
	schema: Schema,
	options: CsvOptions = {}
): z.output<Schema>[] {
	const name = path.basename(file);
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		throw new DataFileError(`${name}: cannot read ${file} (${(error as Error).message})`);
	}
	return parseCsv(name, text.replace(/^\uFEFF/, ''), schema, options);
}

export interface CsvOptions {
	/** Only rows passing this (on the raw text) are validated and returned. */
	keep?: (row: Record<string, string>) => boolean;
}

export function parseCsv<Schema extends z.ZodObject>(
	name: string,
	text: string,
	schema: Schema,
	options: CsvOptions = {}
): z.output<Schema>[] {
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const badShape = parsed.errors[0];
	if (badShape) {
		throw new DataFileError(`${name}, line ${(badShape.row ?? 0) + 2}: ${badShape.message}`);
	}
	const columns = new Set(parsed.meta.fields ?? []);
	const missing = Object.keys(schema.shape).filter((column) => !columns.has(column));
	if (missing.length > 0) {
		throw new DataFileError(
			`${name}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`
		);
	}
	return parsed.data.flatMap((row, index) => {
		if (options.keep && !options.keep(row)) return [];
		const result = schema.safeParse(row);
		if (result.success) return [result.data];
		const issue = result.error.issues[0];
		const column = String(issue.path[0] ?? '');
		throw new DataFileError(
			`${name}, line ${index + 2}, column "${column}": ${issue.message} (value ${JSON.stringify(row[column] ?? null)})`
		);
	});
}
