import { type DayNumber, formatDate, parseDate, yearMonth } from './parse-date';
import type { ProblemList } from './problem-list';
import type { FileRow } from './read-csv-rows';
import { ETHNIC, SEX } from './ssda903-codes';

export const SSDA903_HEADER_COLUMNS = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] as const;

/** What the app keeps of a header row: no UPN, no mother's details, no ethnicity, no day of birth. */
export interface HeaderChild {
	childId: string;
	sex: 'male' | 'female';
	/** yyyy-mm. */
	birthMonth: string;
	ageBand: string;
	/** Whole years at the collection date, counted from the first of the birth month. */
	age: number;
}

/** The DfE's age bands for children looked after. */
export function ageBand(age: number): string {
	if (age < 1) return 'under 1';
	if (age <= 4) return '1 to 4';
	if (age <= 9) return '5 to 9';
	if (age <= 15) return '10 to 15';
	return '16 and over';
}

/** A looked-after child is under 18; a header may still list a care leaver who turned 18 in the year. */
const OLDEST_AGE = 21;

/** Age in whole years at `asAt` of someone born in `birth`'s month (as if on its first day). */
export function ageFromMonth(birth: { year: number; month: number }, asAt: DayNumber): number {
	const now = yearMonth(asAt);
	return now.year - birth.year - (now.month < birth.month ? 1 : 0);
}

export const CHILD_ID = /^[A-Za-z0-9]{1,10}$/;

export interface HeaderCheckOptions {
	asAt: DayNumber;
	hash: (child: string) => string;
	problems: ProblemList;
}

/** Checks header rows one by one as they stream; `children()` gives the reduced records. */
export class HeaderCheck {
	private readonly byId = new Map<string, HeaderChild & { row: number }>();
	constructor(private readonly options: HeaderCheckOptions) {}

	add({ row, cells }: FileRow): void {
		const { problems, asAt } = this.options;
		const error = (column: string, problem: string, fix: string) =>
			problems.error({ row, column, value: cells[column], problem, fix });
		const child = cells.CHILD.trim();
		if (!CHILD_ID.test(child)) {
			error(
				'CHILD',
				'not a child identifier',
				"give the child's id from your system: 1 to 10 letters or digits"
			);
			return;
		}
		const sex = SEX[cells.SEX.trim()];
		if (!sex) error('SEX', 'not a code of the DfE list', 'write 1 (male) or 2 (female)');
		const dob = parseDate(cells.DOB);
		let age: number | null = null;
		if (dob === null) error('DOB', 'not a date', 'write the date of birth as dd/mm/yyyy');
		else if (dob > asAt)
			error(
				'DOB',
				`after the collection date ${formatDate(asAt)}`,
				'check the date of birth; a future date is not allowed'
			);
		else {
			age = ageFromMonth(yearMonth(dob), asAt);
			if (age > OLDEST_AGE)
				error(
					'DOB',
					`makes the child ${age} at the collection date`,
					`check the date of birth: a child in the return is under ${OLDEST_AGE + 1}`
				);
		}
		const ethnic = cells.ETHNIC.trim().toUpperCase();
		if (!(ETHNIC as readonly string[]).includes(ethnic))
			error('ETHNIC', 'not a code of the DfE list', `write one of ${ETHNIC.join(', ')}`);
		const childId = this.options.hash(child);
		const first = this.byId.get(childId);
		if (first) {
			error('CHILD', `the same child as row ${first.row}`, 'give each child one row in the header file');
			return;
		}
		if (!sex || dob === null || age === null || age > OLDEST_AGE) return;
		const birth = yearMonth(dob);
		this.byId.set(childId, {
			row,
			childId,
			sex,
			birthMonth: `${birth.year}-${String(birth.month).padStart(2, '0')}`,
			ageBand: ageBand(age),
			age
		});
	}

	children(): HeaderChild[] {
		return [...this.byId.values()].map(({ row: _row, ...child }) => child);
	}
}
