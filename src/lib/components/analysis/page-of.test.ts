import { describe, expect, it } from 'vitest';
import { pageOf } from './page-of';

const items = Array.from({ length: 45 }, (_, i) => i + 1);

describe('pageOf', () => {
	it('gives one page with its one-based range', () => {
		expect(pageOf(items, 0, 20)).toMatchObject({ page: 0, pages: 3, first: 1, last: 20, total: 45 });
		const last = pageOf(items, 2, 20);
		expect(last.items).toEqual([41, 42, 43, 44, 45]);
		expect(last).toMatchObject({ first: 41, last: 45 });
	});

	it('clamps a page past either end, and an empty list is one empty page', () => {
		expect(pageOf(items, 9, 20).page).toBe(2);
		expect(pageOf(items, -1, 20).page).toBe(0);
		expect(pageOf([], 3, 20)).toEqual({ items: [], page: 0, pages: 1, first: 0, last: 0, total: 0 });
	});
});
