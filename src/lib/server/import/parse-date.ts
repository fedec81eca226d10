/** A calendar date as whole days since 1970-01-01 (UTC): cheap to compare and subtract. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 30/12/1899 (counting its phantom 29/02/1900); day 25569 is 01/01/1970. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** Excel serials accepted: 01/01/1900 to 31/12/2099. Beyond, a plain number is not a date. */
const EXCEL_MIN = 1;
const EXCEL_MAX = 73_415;

export function dayNumber(year: number, month: number, day: number): DayNumber | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return null;
	return date.getTime() / MS_PER_DAY;
}

/**
 * A date as SSDA903 and Ofsted write it, dd/mm/yyyy; also d/m/yyyy and Excel's serial day numbers, which
 * is what a date becomes when a sheet is saved with the cell formatted as a number. Null when not a date.
 */
export function parseDate(text: string): DayNumber | null {
	const value = text.trim();
	const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	if (uk) return dayNumber(Number(uk[3]), Number(uk[2]), Number(uk[1]));
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	if (/^\d{1,5}$/.test(value)) {
		const serial = Number(value);
		if (serial >= EXCEL_MIN && serial <= EXCEL_MAX) return serial - EXCEL_EPOCH_OFFSET;
	}
	return null;
}

export function formatDate(day: DayNumber): string {
	const date = new Date(day * MS_PER_DAY);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

export function isoDate(day: DayNumber): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function today(): DayNumber {
	return Math.floor(Date.now() / MS_PER_DAY);
}

/** Year and month (1-12) of a day. */
export function yearMonth(day: DayNumber): { year: number; month: number } {
	const date = new Date(day * MS_PER_DAY);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}
