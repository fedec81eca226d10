import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRate } from './format';

describe('format', () => {
	it('groups thousands the British way and rounds counts', () => {
		expect(formatCount(82123)).toBe('82,123');
		expect(formatCount(4.6)).toBe('5');
	});

	it('keeps one decimal place in percentages and rates', () => {
		expect(formatPercent(19)).toBe('19.0%');
		expect(formatPercent(12.345)).toBe('12.3%');
		expect(formatRate(57.06)).toBe('57.1');
	});

	it('says suppressed rather than showing a small number, and a dash when unknown', () => {
		expect(formatCount(3, true)).toBe('suppressed');
		expect(formatPercent(null)).toBe('–');
		expect(formatCount(Number.NaN)).toBe('–');
	});
});
