import type { ImportProblem } from './import-problem';

/** Problems kept to show; beyond it they are counted only, so a million bad rows cannot fill memory. */
export const MAX_PROBLEMS_KEPT = 1000;

/** The errors (which stop an import) and warnings (which do not) found in a file, in file order. */
export class ProblemList {
	readonly errors: ImportProblem[] = [];
	readonly warnings: ImportProblem[] = [];
	errorCount = 0;
	warningCount = 0;

	error(problem: ImportProblem): void {
		this.errorCount++;
		if (this.errors.length < MAX_PROBLEMS_KEPT) this.errors.push(problem);
	}

	warning(problem: ImportProblem): void {
		this.warningCount++;
		if (this.warnings.length < MAX_PROBLEMS_KEPT) this.warnings.push(problem);
	}

	get ok(): boolean {
		return this.errorCount === 0;
	}
}
