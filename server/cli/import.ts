/**
 * `npm run import -- --kind <kind> --la <ons code>[,<ons code>...] [--dry-run] [--as-at dd/mm/yyyy] FILE`
 * Imports an LA's data file into the database the app uses (DATA_DIR or DATABASE_URL): checks every row,
 * prints what would change, and unless --dry-run writes it all in one transaction. Exit 0 with a summary;
 * exit 1 with one line per problem (row, column, value, what is wrong, how to fix it) and nothing
 * written. See docs/import.md for the kinds and their columns.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readConfig } from '../../src/lib/server/config';
import { IMPORT_KINDS, isImportKind, type Changes } from '../../src/lib/server/import/import-kind';
import { DEFAULT_LIMITS } from '../../src/lib/server/import/import-limits';
import { formatProblem, ImportRefused } from '../../src/lib/server/import/import-problem';
import { formatDate, parseDate } from '../../src/lib/server/import/parse-date';
import { restoreLastImport } from '../../src/lib/server/import/restore-import';
import { runImport } from '../../src/lib/server/import/run-import';
import { runCli, withDatabase } from './run-cli';
import { UsageError } from './usage-error';

const USAGE =
	`Usage: npm run import -- --kind ${IMPORT_KINDS.join('|')} --la ONS_CODE[,ONS_CODE...] [--dry-run] [--as-at dd/mm/yyyy] FILE\n` +
	"   or: npm run import -- --restore --la ONS_CODE   (undo the LA's last import)\n" +
	'--la may be left out for postcode-sectors. See docs/import.md.';

function parse(argv: string[]) {
	const { values, positionals } = parseArgs({
		args: argv,
		options: {
			kind: { type: 'string' },
			la: { type: 'string' },
			'dry-run': { type: 'boolean' },
			'as-at': { type: 'string' },
			restore: { type: 'boolean' },
			help: { type: 'boolean' }
		},
		allowPositionals: true,
		strict: true
	});
	if (values.help) throw new UsageError(USAGE);
	const laCodes = (values.la ?? '')
		.split(',')
		.map((code) => code.trim().toUpperCase())
		.filter(Boolean);
	if (values.restore) {
		if (laCodes.length !== 1) throw new UsageError(`--restore needs one --la.\n${USAGE}`);
		return { restore: true as const, laCode: laCodes[0] };
	}
	if (!isImportKind(values.kind))
		throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}.\n${USAGE}`);
	if (laCodes.some((code) => !/^E\d{8}$/.test(code)))
		throw new UsageError(`--la must be ONS codes such as E08000003.\n${USAGE}`);
	if (laCodes.length === 0 && values.kind !== 'postcode-sectors')
		throw new UsageError(`--la is missing.\n${USAGE}`);
	if (positionals.length !== 1) throw new UsageError(`Give one FILE.\n${USAGE}`);
	let asAt: number | undefined;
	if (values['as-at'] !== undefined) {
		const day = parseDate(values['as-at']);
		if (day === null) throw new UsageError('--as-at must be a date as dd/mm/yyyy.');
		asAt = day;
	}
	return {
		restore: false as const,
		kind: values.kind,
		laCodes,
		dryRun: values['dry-run'] ?? false,
		asAt,
		file: path.resolve(positionals[0])
	};
}

function describeChanges(changes: Changes): string[] {
	return Object.entries(changes).map(
		([table, c]) =>
			`  ${table}: ${c.added} added, ${c.updated} updated, ${c.removed} ${table.includes('homes') ? 'closed' : 'removed'}`
	);
}

/** A progress line on a terminal (rewritten in place); every quarter on a pipe, so logs stay short. */
function progressReporter(): (stage: string, fraction: number) => void {
	let last = -1;
	return (stage, fraction) => {
		const percent = Math.floor(fraction * 100);
		if (process.stderr.isTTY)
			process.stderr.write(
				`\r${stage === 'reading' ? 'Checking' : 'Writing'}… ${percent}%   ${percent === 100 ? '\n' : ''}`
			);
		else if (stage === 'writing' || Math.floor(percent / 25) !== Math.floor(last / 25))
			process.stderr.write(`${stage === 'reading' ? 'Checking' : 'Writing'}… ${percent}%\n`);
		last = stage === 'reading' ? percent : -1;
	};
}

async function main(): Promise<void> {
	const args = parse(process.argv.slice(2));
	const config = readConfig();
	await withDatabase(async (db) => {
		try {
			if (args.restore) {
				const undone = await restoreLastImport(db.sql, {
					laCode: args.laCode,
					actor: null,
					via: 'command line'
				});
				console.log(
					`Undid import ${undone.id} (${undone.kind} for ${undone.laCodes.join(', ') || 'England'}, ${undone.at}).`
				);
				return;
			}
			const outcome = await runImport(db.sql, {
				kind: args.kind,
				laCodes: args.laCodes,
				file: args.file,
				dryRun: args.dryRun,
				asAt: args.asAt,
				actor: null,
				via: 'command line',
				limits: { ...DEFAULT_LIMITS, maxBytes: config.importMaxBytes },
				progress: progressReporter()
			});
			for (const warning of outcome.warnings) console.log(`warning: ${formatProblem(warning)}`);
			if (outcome.warningCount > outcome.warnings.length)
				console.log(`warning: and ${outcome.warningCount - outcome.warnings.length} more warnings`);
			const verb = args.dryRun
				? 'Would change (dry run, nothing written)'
				: outcome.written
					? 'Imported'
					: 'Nothing changed (the data is already as in the file)';
			console.log(
				`${verb}: ${outcome.kind} for ${outcome.laCodes.join(', ') || 'England'}, ${outcome.rows} rows` +
					(args.asAt !== undefined ? ` at ${formatDate(args.asAt)}` : '') +
					`, file SHA-256 ${outcome.sha256}${outcome.runId ? `, import ${outcome.runId}` : ''}`
			);
			for (const line of describeChanges(outcome.changes)) console.log(line);
		} catch (error) {
			if (!(error instanceof ImportRefused)) throw error;
			for (const problem of error.problems) console.error(formatProblem(problem));
			console.error(
				`Nothing was written (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}).`
			);
			process.exitCode = 1;
		}
	});
}

runCli(main, { usage: USAGE, failure: 'Could not import:' });
