import { describe, expect, it } from 'vitest';
import { ringCentre } from './analysis-state.svelte';

describe('ringCentre', () => {
	it('is the mean of a closed ring’s corners, the closing point counted once', () => {
		expect(
			ringCentre([
				[0, 0],
				[2, 0],
				[2, 2],
				[0, 2],
				[0, 0]
			])
		).toEqual([1, 1]);
	});
});
