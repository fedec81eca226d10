import { describe, expect, it } from 'vitest';
import {
	checkScores,
	moduleScores,
	scoreTable,
	type MutantStatus,
	type MutationReport
} from './module-scores';

function report(files: Record<string, MutantStatus[]>): MutationReport {
	return {
		files: Object.fromEntries(
			Object.entries(files).map(([file, statuses]) => [
				file,
				{ mutants: statuses.map((status) => ({ status })) }
			])
		)
	};
}

const repeat = (status: MutantStatus, n: number): MutantStatus[] => Array(n).fill(status);

describe('moduleScores', () => {
	it("counts killed and timed-out mutants as detected, survivors and uncovered ones as not (Stryker's score)", () => {
		const [scores] = moduleScores([
			report({
				'a.ts': [...repeat('Killed', 6), 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored']
			})
		]);
		expect(scores).toEqual({
			module: 'a.ts',
			killed: 6,
			timedOut: 1,
			survived: 1,
			noCoverage: 1,
			score: 77.77777777777777
		});
	});

	it('ignores compile errors, runtime errors and ignored mutants in the denominator', () => {
		const [scores] = moduleScores([
			report({ 'a.ts': ['Killed', 'CompileError', 'RuntimeError', 'Ignored'] })
		]);
		expect(scores.score).toBe(100);
	});

	it('gives no score to a module without a valid mutant, rather than 0 or 100', () => {
		expect(moduleScores([report({ 'types.ts': ['CompileError'] })])[0].score).toBeNull();
	});

	it('scores each module on its own and sorts them by path', () => {
		const scores = moduleScores([report({ 'b.ts': ['Killed', 'Survived'], 'a.ts': ['Killed'] })]);
		expect(scores.map((s) => [s.module, s.score])).toEqual([
			['a.ts', 100],
			['b.ts', 50]
		]);
	});

	it('adds up a module that appears in two reports (unit and integration runs)', () => {
		const scores = moduleScores([
			report({ 'a.ts': ['Killed'] }),
			report({ 'a.ts': ['Survived', 'Survived', 'Killed'] })
		]);
		expect(scores).toEqual([
			{ module: 'a.ts', killed: 2, timedOut: 0, survived: 2, noCoverage: 0, score: 50 }
		]);
	});

	it('refuses a report with mutants that were never run', () => {
		expect(() => moduleScores([report({ 'a.ts': ['Killed', 'Pending'] })])).toThrow(/untested mutants/);
	});
});

describe('checkScores', () => {
	const scores = moduleScores([
		report({
			'good.ts': repeat('Killed', 85).concat(repeat('Survived', 15)),
			'weak.ts': repeat('Killed', 84).concat(repeat('Survived', 10), repeat('NoCoverage', 6)),
			'empty.ts': []
		})
	]);

	it('fails each module under the threshold, with its score and what is missing', () => {
		expect(checkScores(scores, 85).failures).toEqual([
			'weak.ts: mutation score 84.0% is below 85% (10 survived, 6 not covered)'
		]);
	});

	it('passes a module exactly at the threshold, and one with no mutants', () => {
		expect(checkScores(scores, 84)).toEqual({ failures: [], waived: [], recovered: [] });
	});

	it('fails a module that one strong module would have hidden in a global score', () => {
		const mixed = moduleScores([
			report({
				'big.ts': repeat('Killed', 1000),
				'small.ts': repeat('Killed', 5).concat(repeat('Survived', 5))
			})
		]);
		const { failures } = checkScores(mixed, 85);
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatch(/^small\.ts: mutation score 50\.0%/);
	});

	it('reports a pending module below the threshold with its reason instead of failing it', () => {
		expect(checkScores(scores, 85, { 'weak.ts': 'rewritten on another branch' })).toEqual({
			failures: [],
			waived: [
				'weak.ts: mutation score 84.0% is below 85% (10 survived, 6 not covered); pending: rewritten on another branch'
			],
			recovered: []
		});
	});

	it('says when a pending module has reached the threshold, so that its entry can go', () => {
		expect(checkScores(scores, 85, { 'good.ts': 'was weak' }).recovered).toEqual([
			'good.ts: 85.0%, no longer pending'
		]);
	});

	it('fails a module below the threshold that is not the one listed as pending', () => {
		expect(checkScores(scores, 85, { 'good.ts': 'was weak' }).failures).toHaveLength(1);
	});
});

describe('scoreTable', () => {
	it('prints one Markdown row per module', () => {
		const table = scoreTable(
			moduleScores([report({ 'a.ts': ['Killed', 'Timeout', 'Survived', 'NoCoverage'] })])
		);
		expect(table.split('\n')).toEqual([
			'| module | score | killed | survived | no coverage |',
			'| --- | --: | --: | --: | --: |',
			'| `a.ts` | 50.0% | 2 | 1 | 1 |'
		]);
	});
});
