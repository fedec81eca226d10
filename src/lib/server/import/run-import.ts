import type postgres from 'postgres';
import * as audit from '../audit';
import type { AuditActor } from '../audit';
import {
	changed,
	REGION_WIDE_KINDS,
	type Changes,
	type ImportKind,
	type KindContext,
	type KindImport,
	type Scope
} from './import-kind';
import { DEFAULT_LIMITS, type ImportLimits } from './import-limits';
import { fileProblem, ImportRefused, type ImportProblem } from './import-problem';
import { fosteringCapacityImport } from './import-fostering-capacity';
import { ofstedProvidersImport } from './import-ofsted-providers';
import { postcodeSectorsImport } from './import-postcode-sectors';
import { ssda903EpisodesImport } from './import-ssda903-episodes';
import { ssda903HeaderImport } from './import-ssda903-header';
import { vacanciesImport } from './import-vacancies';
import { type DayNumber, today } from './parse-date';
import { ProblemList } from './problem-list';
import { readCsvRows, type FileRow, type RowReadOptions } from './read-csv-rows';
import { readXlsxRows } from './read-xlsx-rows';
import { sniffFile } from './sniff-file';

const KINDS: Record<ImportKind, (context: KindContext) => Promise<KindImport>> = {
	'ssda903-header': ssda903HeaderImport,
	'ssda903-episodes': ssda903EpisodesImport,
	'ofsted-providers': ofstedProvidersImport,
	'fostering-capacity': fosteringCapacityImport,
	vacancies: vacanciesImport,
	'postcode-sectors': postcodeSectorsImport
};

/** Arbitrary but fixed: imports write one at a time, each against the state it planned from. */
const IMPORT_LOCK = 4_201_979;

export interface ImportRequest {
	kind: ImportKind;
	/** The LAs the file is for (one for SSDA903 and vacancies; any for region-wide kinds; none for sectors). */
	laCodes: readonly string[];
	file: string;
	/** Plan and report, write nothing. */
	dryRun: boolean;
	actor: AuditActor | null;
	/** The collection date: open episodes on it are current placements; later dates are refused. */
	asAt?: DayNumber;
	limits?: ImportLimits;
	/** Where the import came from, for the audit log: 'command line' or 'page'. */
	via: string;
	rccId?: string | null;
	address?: string | null;
	progress?: (stage: 'reading' | 'writing', fraction: number) => void;
}

export interface ImportOutcome {
	kind: ImportKind;
	laCodes: string[];
	sha256: string;
	rows: number;
	changes: Changes;
	warnings: ImportProblem[];
	warningCount: number;
	/** False for a dry run, and when the file changes nothing (the same file again). */
	written: boolean;
	runId: number | null;
}

/** Changes with every import and every undo: a plan made before it is stale. */
async function importsState(sql: postgres.Sql | postgres.TransactionSql): Promise<string> {
	const [row] = await sql<{ state: string }[]>`
		select concat(max(id), '/', max(restored_at)) as state from import_runs`;
	return row.state;
}

/** The rows in scope of each table, as jsonb, before the import rewrites them. */
async function saveScope(
	tx: postgres.TransactionSql,
	scope: readonly Scope[],
	laCodes: readonly string[]
): Promise<Record<string, unknown>> {
	const before: Record<string, unknown> = {};
	for (const { table, byLa } of scope) {
		const [row] = await tx<{ rows: unknown }[]>`
			select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from ${tx(table)} t
			${byLa ? tx`where la_code = any(${tx.array([...laCodes])})` : tx``}`;
		before[table] = row.rows;
	}
	const [sources] = await tx<{ rows: unknown }[]>`
		select coalesce(jsonb_agg(to_jsonb(s)), '[]'::jsonb) as rows from la_data_sources s
		where la_code = any(${tx.array([...laCodes])})`;
	before.la_data_sources = sources.rows;
	return before;
}

/**
 * Imports one file: checks it whole (size and format first, then every row as it streams), works out
 * what would change, and unless it is a dry run writes it in one transaction with the state it
 * replaces (for restoring) and an audit entry. Any error refuses the file (ImportRefused) and writes
 * nothing; a file that changes nothing writes only its audit entry.
 */
export async function runImport(sql: postgres.Sql, request: ImportRequest): Promise<ImportOutcome> {
	const limits = request.limits ?? DEFAULT_LIMITS;
	const asAt = request.asAt ?? today();
	const laCodes = [...new Set(request.laCodes)].sort();
	checkLas(request.kind, laCodes);
	const known = await sql<{ code: string }[]>`select code from las where code = any(${sql.array(laCodes)})`;
	const unknown = laCodes.filter((code) => !known.some((row) => row.code === code));
	if (unknown.length > 0)
		throw new ImportRefused([
			fileProblem(
				`no LA with the ONS code ${unknown.join(', ')}`,
				'give the ONS code of an English upper-tier LA, e.g. E08000003'
			)
		]);

	const sniffed = await sniffFile(request.file, {
		...limits,
		acceptXlsx: request.kind === 'ofsted-providers'
	});
	const problems = new ProblemList();
	const startState = await importsState(sql);
	const kind = await KINDS[request.kind]({ sql, laCodes, asAt, problems });
	const options: RowReadOptions = {
		columns: kind.columns,
		maxFieldChars: limits.maxFieldChars,
		problems,
		progress: (fraction) => request.progress?.('reading', fraction)
	};
	const rows: AsyncIterable<FileRow> =
		sniffed.format === 'xlsx'
			? readXlsxRows(request.file, options)
			: readCsvRows(request.file, sniffed.encoding, options);
	let count = 0;
	for await (const row of rows) {
		count++;
		kind.add(row);
	}
	if (count === 0 && problems.ok)
		throw new ImportRefused([
			fileProblem('the file has a header row but no data rows', 'choose the file holding the data')
		]);
	// The cross-row rules run even after row errors, so that one pass lists every problem.
	const plan = await kind.plan();
	if (!problems.ok) throw new ImportRefused(withCount(problems));

	const outcome: ImportOutcome = {
		kind: request.kind,
		laCodes,
		sha256: sniffed.sha256,
		rows: count,
		changes: plan.changes,
		warnings: problems.warnings,
		warningCount: problems.warningCount,
		written: false,
		runId: null
	};
	if (request.dryRun) return outcome;

	request.progress?.('writing', 0);
	await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${IMPORT_LOCK})`;
		if ((await importsState(tx)) !== startState)
			throw new ImportRefused([
				fileProblem('another import finished while this file was being checked', 'import the file again')
			]);
		const counts = { rows: count, warnings: problems.warningCount, ...plan.changes };
		if (changed(plan.changes)) {
			const before = await saveScope(tx, plan.scope, laCodes);
			await plan.write(tx);
			const [run] = await tx<{ id: string; at: Date }[]>`
				insert into import_runs (kind, la_codes, actor_id, actor_email, file_sha256, counts, before)
				values (${request.kind}, ${tx.array(laCodes)}, ${request.actor?.id ?? null}, ${request.actor?.email ?? null},
					${sniffed.sha256}, ${tx.json(counts)}, ${tx.json(before as postgres.JSONValue)})
				returning id, at`;
			outcome.runId = Number(run.id);
			outcome.written = true;
			for (const laCode of laCodes) {
				await tx`insert into la_data_sources (la_code, kind, imported_at, run_id)
					values (${laCode}, ${request.kind}, ${run.at}, ${run.id})
					on conflict (la_code, kind) do update set imported_at = excluded.imported_at, run_id = excluded.run_id`;
			}
		}
		await audit.record(tx, {
			action: 'import',
			actor: request.actor,
			rccId: request.rccId ?? null,
			subject: `${request.kind} for ${laCodes.join(', ') || 'England'}`,
			details: {
				via: request.via,
				kind: request.kind,
				laCodes,
				sha256: sniffed.sha256,
				bytes: sniffed.bytes,
				written: outcome.written,
				runId: outcome.runId,
				counts: counts as postgres.JSONValue
			},
			address: request.address ?? null
		});
	});
	request.progress?.('writing', 1);
	return outcome;
}

function withCount(problems: ProblemList): ImportProblem[] {
	const shown = [...problems.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	if (problems.errorCount > shown.length)
		shown.push(
			fileProblem(
				`and ${problems.errorCount - shown.length} more problems not listed`,
				'correct those above and import again'
			)
		);
	return shown;
}

function checkLas(kind: ImportKind, laCodes: readonly string[]): void {
	if (kind === 'postcode-sectors') return;
	if (laCodes.length === 0)
		throw new ImportRefused([fileProblem('no LA given', 'say which LA the file is for (--la E08000003)')]);
	if (!REGION_WIDE_KINDS.includes(kind) && laCodes.length > 1)
		throw new ImportRefused([
			fileProblem(
				`a ${kind} file is one LA's, not ${laCodes.length} LAs'`,
				"import each LA's file with its own code"
			)
		]);
}
