import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines';

const plain = (lines: ReturnType<typeof diffLines>) => lines.map(({ kind, text }) => ({ kind, text }));

describe('diffLines', () => {
	it('keeps common lines and marks the rest', () => {
		expect(plain(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']))).toEqual([
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

	it('says which words of a replaced line changed, on each side', () => {
		const [removed, added] = diffLines(
			['We will open two homes in Bury.'],
			['We will open three homes in Bury.']
		);
		expect(removed.kind).toBe('removed');
		expect(removed.parts?.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['two']);
		expect(removed.parts?.some((p) => p.kind === 'added')).toBe(false);
		expect(added.parts?.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['three']);
		expect(added.parts?.map((p) => p.text).join('')).toBe('We will open three homes in Bury.');
	});

	it('diffs a long plan line by line, not as "everything removed, everything added"', () => {
		// 3,000 x 3,000 lines: past the 4 million cells where the old quadratic table gave up.
		const before = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}`);
		const after = [...before.slice(0, 1500), 'A new paragraph', ...before.slice(1500)];
		after[2500] = 'Paragraph 2499 rewritten';
		const lines = diffLines(before, after);
		expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual([
			'A new paragraph',
			'Paragraph 2499 rewritten'
		]);
		expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual(['Paragraph 2499']);
		expect(lines.filter((l) => l.kind === 'same')).toHaveLength(2999);
		// The rewritten line says which words changed, as version history shows it.
		const rewritten = lines.find((l) => l.text === 'Paragraph 2499 rewritten');
		expect(rewritten?.parts?.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
			'rewritten'
		]);
	});
});
