import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines';

describe('diffLines', () => {
	it('keeps common lines and marks the rest', () => {
		expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
			{ kind: 'same', text: 'a' },
			{ kind: 'removed', text: 'b' },
			{ kind: 'added', text: 'x' },
			{ kind: 'same', text: 'c' },
			{ kind: 'added', text: 'd' }
		]);
	});

	it('handles empty sides', () => {
		expect(diffLines([], ['a'])).toEqual([{ kind: 'added', text: 'a' }]);
		expect(diffLines(['a'], [])).toEqual([{ kind: 'removed', text: 'a' }]);
	});
});
