import { describe, expect, it } from 'vitest';
import { formatMiles } from './format-miles';

describe('formatMiles', () => {
	it('gives one decimal place, thousands separated, and one mile in the singular', () => {
		expect(formatMiles(34.46)).toBe('34.5 miles');
		expect(formatMiles(20)).toBe('20.0 miles');
		expect(formatMiles(1.04)).toBe('1.0 mile');
		expect(formatMiles(1234.5)).toBe('1,234.5 miles');
	});
});
