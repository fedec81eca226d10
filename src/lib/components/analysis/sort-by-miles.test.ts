import { describe, expect, it } from 'vitest';
import { sortByMiles } from './sort-by-miles';

describe('sortByMiles', () => {
	const children = [
		{ id: 'b', miles: 30 },
		{ id: 'c', miles: 80 },
		{ id: 'a', miles: 30 },
		{ id: 'd', miles: 21 }
	];

	it('sorts furthest or nearest first, ties by id either way, leaving the input as it was', () => {
		expect(sortByMiles(children, 'furthest').map((c) => c.id)).toEqual(['c', 'a', 'b', 'd']);
		expect(sortByMiles(children, 'nearest').map((c) => c.id)).toEqual(['d', 'a', 'b', 'c']);
		expect(children[0].id).toBe('b');
	});
});
