import { describe, expect, it } from 'vitest';
import { per10k } from './per-10k';

describe('per10k', () => {
	it('is the count per 10,000 children, to one decimal place', () => {
		expect(per10k(469, 66_012)).toBe(71);
		expect(per10k(1, 30_000)).toBe(0.3);
		expect(per10k(0, 30_000)).toBe(0);
	});

	it('is unknown without a count or a population', () => {
		expect(per10k(null, 30_000)).toBeNull();
		expect(per10k(undefined, 30_000)).toBeNull();
		expect(per10k(12, 0)).toBeNull();
		expect(per10k(12, null)).toBeNull();
	});
});
