/**
 * `node --import tsx tests/mutation/check-scores.ts [--threshold 85] [--pending FILE] REPORT.json...`:
 * prints the mutation score of every mutated module and exits 1 when any is below the threshold (CI's
 * per-module gate), except modules listed in the pending file (JSON: module -> reason), which are
 * reported.
 */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScores, moduleScores, scoreTable, type MutationReport } from './module-scores';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { threshold: { type: 'string', default: '85' }, pending: { type: 'string' } }
});
const threshold = Number(values.threshold);
if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
	console.error(`--threshold must be a percentage from 0 to 100, not "${values.threshold}"`);
	process.exit(2);
}
if (positionals.length === 0) {
	console.error('Name at least one Stryker JSON report (reports/mutation/*.json).');
	process.exit(2);
}
for (const file of [...positionals, values.pending ?? []].flat()) {
	if (!existsSync(file)) {
		console.error(`${file} does not exist: run npm run test:mutation first`);
		process.exit(2);
	}
}
const reports = positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')) as MutationReport);
const pending = values.pending
	? (JSON.parse(readFileSync(values.pending, 'utf8')) as Record<string, string>)
	: {};
const scores = moduleScores(reports);
console.log(scoreTable(scores));
const { failures, waived, recovered } = checkScores(scores, threshold, pending);
for (const line of waived) console.log(`PENDING: ${line}`);
for (const line of recovered) console.log(`RECOVERED: ${line} (remove it from ${values.pending})`);
for (const line of failures) console.error(`FAIL: ${line}`);
process.exit(failures.length ? 1 : 0);
