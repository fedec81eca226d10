import { describe, expect, it } from 'vitest';
import { parseRadiusMiles } from './parse-radius-miles';

describe('parseRadiusMiles', () => {
	it('accepts whole and decimal miles in range, the bounds included', () => {
		expect(parseRadiusMiles('20')).toEqual({ ok: true, miles: 20 });
		expect(parseRadiusMiles(' 1 ')).toEqual({ ok: true, miles: 1 });
		expect(parseRadiusMiles('100')).toEqual({ ok: true, miles: 100 });
		expect(parseRadiusMiles('7.5')).toEqual({ ok: true, miles: 7.5 });
	});

	it('says what is wrong with an empty, non-numeric or out-of-range radius', () => {
		expect(parseRadiusMiles('')).toEqual({ ok: false, error: 'Enter a radius in miles' });
		expect(parseRadiusMiles('abc')).toEqual({ ok: false, error: 'Radius must be a number, like 20' });
		expect(parseRadiusMiles('0.5')).toEqual({ ok: false, error: 'Radius must be between 1 and 100 miles' });
		expect(parseRadiusMiles('101')).toEqual({ ok: false, error: 'Radius must be between 1 and 100 miles' });
		expect(parseRadiusMiles('-20')).toMatchObject({ ok: false });
	});

	it('takes another range, with the message naming it', () => {
		const range = { minMiles: 5, maxMiles: 100 };
		expect(parseRadiusMiles('5', range)).toEqual({ ok: true, miles: 5 });
		expect(parseRadiusMiles('4.9', range)).toEqual({
			ok: false,
			error: 'Radius must be between 5 and 100 miles'
		});
	});
});
