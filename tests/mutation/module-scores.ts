/**
 * Mutation score per module from Stryker's JSON reports (the mutation-testing-report-schema), checked
 * against a threshold. Stryker's own `thresholds.break` is one global score, so a well-tested module
 * could hide a weak one; here every mutated file must reach the threshold on its own.
 */

export type MutantStatus =
	'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface MutationReport {
	files: Record<string, { mutants: { status: MutantStatus }[] }>;
}

export interface ModuleScore {
	module: string;
	killed: number;
	timedOut: number;
	survived: number;
	noCoverage: number;
	/** Killed (or timed out) over killed, timed out, survived and uncovered, in percent; null with none. */
	score: number | null;
}

/**
 * Stryker's definition of the score: compile and runtime errors are not valid mutants, ignored ones are
 * not tested; a timeout counts as detected (the mutant made the tests hang).
 */
export function moduleScores(reports: readonly MutationReport[]): ModuleScore[] {
	const byModule = new Map<string, ModuleScore>();
	for (const report of reports) {
		for (const [file, { mutants }] of Object.entries(report.files)) {
			const module = file.replaceAll('\\', '/');
			let entry = byModule.get(module);
			if (!entry) {
				entry = { module, killed: 0, timedOut: 0, survived: 0, noCoverage: 0, score: null };
				byModule.set(module, entry);
			}
			for (const { status } of mutants) {
				if (status === 'Killed') entry.killed++;
				else if (status === 'Timeout') entry.timedOut++;
				else if (status === 'Survived') entry.survived++;
				else if (status === 'NoCoverage') entry.noCoverage++;
				else if (status === 'Pending') throw new Error(`${module}: the report holds untested mutants`);
			}
		}
	}
	return [...byModule.values()]
		.map((entry) => {
			const detected = entry.killed + entry.timedOut;
			const valid = detected + entry.survived + entry.noCoverage;
			return { ...entry, score: valid ? (100 * detected) / valid : null };
		})
		.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

export interface ScoreCheck {
	/** Modules below the threshold: each fails the check. */
	failures: string[];
	/** Modules below the threshold but listed as pending, with the reason: reported, not failed. */
	waived: string[];
	/** Pending modules that now reach the threshold: their entry can go. */
	recovered: string[];
}

/**
 * Every module must reach `thresholdPercent`, except those in `pending` (module -> why, e.g. another
 * branch is rewriting it), which are reported instead; a module with no valid mutant has no score.
 */
export function checkScores(
	scores: readonly ModuleScore[],
	thresholdPercent: number,
	pending: Readonly<Record<string, string>> = {}
): ScoreCheck {
	const check: ScoreCheck = { failures: [], waived: [], recovered: [] };
	for (const entry of scores) {
		if (entry.score === null) continue;
		const reason = pending[entry.module];
		if (entry.score >= thresholdPercent) {
			if (reason !== undefined)
				check.recovered.push(`${entry.module}: ${entry.score.toFixed(1)}%, no longer pending`);
			continue;
		}
		const line =
			`${entry.module}: mutation score ${entry.score.toFixed(1)}% is below ${thresholdPercent}% ` +
			`(${entry.survived} survived, ${entry.noCoverage} not covered)`;
		if (reason !== undefined) check.waived.push(`${line}; pending: ${reason}`);
		else check.failures.push(line);
	}
	return check;
}

/** A Markdown table of the scores, as in the README's testing section. */
export function scoreTable(scores: readonly ModuleScore[]): string {
	const rows = scores.map(
		(entry) =>
			`| \`${entry.module}\` | ${entry.score === null ? 'no mutants' : `${entry.score.toFixed(1)}%`} | ` +
			`${entry.killed + entry.timedOut} | ${entry.survived} | ${entry.noCoverage} |`
	);
	return [
		'| module | score | killed | survived | no coverage |',
		'| --- | --: | --: | --: | --: |',
		...rows
	].join('\n');
}
