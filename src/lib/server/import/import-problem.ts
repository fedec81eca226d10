/**
 * One thing wrong with an import file, as the person who made it can act on it: where (row, the header
 * being row 1, and column), the value found, what is wrong and how to put it right.
 */
export interface ImportProblem {
	/** Row of the file, the header being row 1; null for the file as a whole. */
	row: number | null;
	column: string | null;
	value: string | null;
	problem: string;
	fix: string;
}

/** Rows whose problems stop the import, but a warning lets it go ahead (e.g. an estimated location). */
export type Severity = 'error' | 'warning';

/** Longest value echoed back: a problem line must stay one readable line, whatever the file held. */
const MAX_VALUE_SHOWN = 40;

export function showValue(value: string): string {
	const flat = value.replace(/[\r\n\t]/g, ' ');
	return flat.length > MAX_VALUE_SHOWN
		? `${flat.slice(0, MAX_VALUE_SHOWN)}… (${value.length} characters)`
		: flat;
}

/** `row 12, column DECOM, value "31/02/2025": not a date. Fix: write the date as dd/mm/yyyy.` */
export function formatProblem(problem: ImportProblem): string {
	const where = [
		problem.row === null ? 'file' : `row ${problem.row}`,
		problem.column === null ? null : `column ${problem.column}`,
		problem.value === null ? null : `value ${JSON.stringify(showValue(problem.value))}`
	].filter(Boolean);
	return `${where.join(', ')}: ${problem.problem}. Fix: ${problem.fix}`;
}

/** A file refused as a whole or with problems in its rows: nothing was written. */
export class ImportRefused extends Error {
	constructor(readonly problems: ImportProblem[]) {
		super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the file; nothing was written`);
		this.name = 'ImportRefused';
	}
}

export function fileProblem(problem: string, fix: string): ImportProblem {
	return { row: null, column: null, value: null, problem, fix };
}
