export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * Line diff of two versions of a plan (longest common subsequence). Plans are a few hundred lines, so the
 * quadratic table is small; beyond `MAX_CELLS` it falls back to "all removed, all added".
 */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string[], after: string[]): DiffLine[] {
	const n = before.length;
	const m = after.length;
	if (n * m > MAX_CELLS) {
		return [
			...before.map((text) => ({ kind: 'removed' as const, text })),
			...after.map((text) => ({ kind: 'added' as const, text }))
		];
	}
	const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
	for (let i = n - 1; i >= 0; i--)
		for (let j = m - 1; j >= 0; j--)
			lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (before[i] === after[j]) {
			out.push({ kind: 'same', text: before[i] });
			i++;
			j++;
		} else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: before[i++] });
		else out.push({ kind: 'added', text: after[j++] });
	}
	while (i < n) out.push({ kind: 'removed', text: before[i++] });
	while (j < m) out.push({ kind: 'added', text: after[j++] });
	return out;
}
