import type postgres from 'postgres';
import type { DayNumber } from './parse-date';
import type { ProblemList } from './problem-list';
import type { FileRow } from './read-csv-rows';

export const IMPORT_KINDS = [
	'ssda903-header',
	'ssda903-episodes',
	'ofsted-providers',
	'fostering-capacity',
	'vacancies',
	'postcode-sectors'
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
	return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

/** Kinds that hold data about more than one LA (an rcc_admin's on the page), or about none. */
export const REGION_WIDE_KINDS: readonly ImportKind[] = [
	'ofsted-providers',
	'fostering-capacity',
	'vacancies',
	'postcode-sectors'
];

/** Added, updated and removed (or closed) rows of one table: the preview and the summary. */
export interface TableChanges {
	added: number;
	updated: number;
	removed: number;
}

export type Changes = Record<string, TableChanges>;

export function changed(changes: Changes): boolean {
	return Object.values(changes).some((c) => c.added + c.updated + c.removed > 0);
}

export interface KindContext {
	sql: postgres.Sql;
	laCodes: readonly string[];
	asAt: DayNumber;
	problems: ProblemList;
}

/** What a kind makes of a file: checked rows in, then the changes it would make and how to make them. */
export interface KindImport {
	columns: readonly string[];
	/** Called for every data row as the file streams. */
	add(row: FileRow): void;
	/** After the last row: the cross-row checks, then the changes against the database (read only). */
	plan(): Promise<KindPlan>;
}

export interface KindPlan {
	changes: Changes;
	/** Tables (and the rows of them in scope) that `write` rewrites: saved first, for restoring. */
	scope: Scope[];
	write(tx: postgres.TransactionSql): Promise<void>;
}

/** Rows of a table an import may rewrite, saved before it does so, and put back on restore. */
export interface Scope {
	table: 'children' | 'imported_children' | 'homes' | 'fostering_capacity' | 'postcode_sectors';
	/** Rows of the import's LAs only; false: the whole table (postcode sectors belong to no LA). */
	byLa: boolean;
}

/** Compares desired rows with existing rows of the same keys: what an import adds, changes and removes. */
export function diffRows<Row>(
	existing: ReadonlyMap<string, Row>,
	desired: ReadonlyMap<string, Row>,
	same: (a: Row, b: Row) => boolean
): TableChanges {
	let added = 0;
	let updated = 0;
	for (const [key, row] of desired) {
		const old = existing.get(key);
		if (old === undefined) added++;
		else if (!same(old, row)) updated++;
	}
	let removed = 0;
	for (const key of existing.keys()) if (!desired.has(key)) removed++;
	return { added, updated, removed };
}

export const BATCH_ROWS = 1000;

export async function insertBatches(
	tx: postgres.TransactionSql,
	table: string,
	rows: readonly Record<string, unknown>[]
): Promise<void> {
	for (let start = 0; start < rows.length; start += BATCH_ROWS) {
		const batch = rows.slice(start, start + BATCH_ROWS);
		await tx`insert into ${tx(table)} ${tx(batch as Record<string, never>[])}`;
	}
}
