import { z } from 'zod';

/** DfE's codes for a figure not given: suppressed (c), not applicable (z), rounds to 0 (k), unknown (x). */
const NOT_GIVEN = new Set(['', 'c', 'z', 'k', 'x', 'NA']);

/** A whole number, or null where the publisher gives none. */
export const optionalCount = z
	.string()
	.trim()
	.refine(
		(value) => NOT_GIVEN.has(value) || /^\d+$/.test(value),
		'expected a whole number or a blank (not published)'
	)
	.transform((value) => (NOT_GIVEN.has(value) ? null : Number(value)));

/** A number (decimals allowed), or null where none is given. */
export const optionalNumber = z
	.string()
	.trim()
	.refine((value) => NOT_GIVEN.has(value) || Number.isFinite(Number(value)), 'expected a number or a blank')
	.transform((value) => (NOT_GIVEN.has(value) ? null : Number(value)));

export const count = z
	.string()
	.trim()
	.regex(/^\d+$/, 'expected a whole number')
	.transform((value) => Number(value));

export const text = z.string().trim().min(1, 'expected a value');

export const optionalText = z
	.string()
	.trim()
	.transform((value) => (value === '' ? null : value));

/** "True"/"False" as written by pandas. */
export const bool = z
	.enum(['True', 'False', 'true', 'false'])
	.transform((value) => value.toLowerCase() === 'true');

/** dd/mm/yyyy (Ofsted) to an ISO date, or null when blank. */
export const optionalUkDate = z
	.string()
	.trim()
	.refine((value) => value === '' || isUkDate(value), 'expected a date as dd/mm/yyyy or a blank')
	.transform((value) => {
		if (value === '') return null;
		const [day, month, year] = value.split('/');
		return `${year}-${month}-${day}`;
	});

export const gssCode = z
	.string()
	.trim()
	.regex(/^E\d{8}$/, 'expected an ONS code for England such as E08000003');

function isUkDate(value: string): boolean {
	const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
	if (!match) return false;
	const [, day, month, year] = match.map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
