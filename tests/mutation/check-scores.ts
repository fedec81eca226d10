/**
 * `node --import tsx tests/mutation/check-scores.ts [--threshold 85] REPORT.json...`: prints the mutation
 * score of every mutated module and exits 1 when any is below the threshold (CI's per-module gate).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { moduleScores, modulesBelow, scoreTable, type MutationReport } from './module-scores';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { threshold: { type: 'string', default: '85' } }
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
const reports = positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')) as MutationReport);
const scores = moduleScores(reports);
console.log(scoreTable(scores));
const below = modulesBelow(scores, threshold);
for (const line of below) console.error(`FAIL: ${line}`);
process.exit(below.length ? 1 : 0);
