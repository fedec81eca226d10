import { describe, expect, it } from 'vitest';
import { dayNumber, formatDate, parseDate } from './parse-date';

describe('parseDate', () => {
	it('reads dd/mm/yyyy and d/m/yyyy', () => {
		expect(parseDate('31/03/2025')).toBe(dayNumber(2025, 3, 31));
		expect(parseDate('1/4/2024')).toBe(dayNumber(2024, 4, 1));
		expect(parseDate(' 01/04/2024 ')).toBe(dayNumber(2024, 4, 1));
	});
	it('reads Excel serial days (45747 is 31/03/2025) and ISO dates', () => {
		expect(formatDate(parseDate('45747')!)).toBe('31/03/2025');
		expect(formatDate(parseDate('2025-03-31')!)).toBe('31/03/2025');
	});
	it('refuses dates that do not exist and text that is not a date', () => {
		expect(parseDate('31/02/2025')).toBeNull();
		expect(parseDate('29/02/2023')).toBeNull();
		expect(parseDate('2025/03/31')).toBeNull();
		expect(parseDate('')).toBeNull();
		expect(parseDate('999999')).toBeNull();
		expect(parseDate('0')).toBeNull();
	});
	it('accepts 29 February in a leap year', () => {
		expect(formatDate(parseDate('29/02/2024')!)).toBe('29/02/2024');
	});
});
