import { diffArrays, diffWords } from 'diff';

/** A run of words within a changed line: unchanged, or the words this side added or removed. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** One line of a comparison; a changed line paired with its counterpart also says which words changed. */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string; parts?: DiffPart[] };

/**
 * Line diff of two versions of a plan (jsdiff's Myers diff, linear in memory, so long plans diff too),
 * with a word diff inside each changed line that replaced another: the removed lines of a change are
 * paired in order with the lines that replaced them.
 */
export function diffLines(before: string[], after: string[]): DiffLine[] {
	const out: DiffLine[] = [];
	const changes = diffArrays(before, after);
	for (let i = 0; i < changes.length; i++) {
		const change = changes[i];
		if (!change.added && !change.removed) {
			for (const text of change.value) out.push({ kind: 'same', text });
			continue;
		}
		const next = changes[i + 1];
		if (change.removed && next?.added) {
			out.push(...paired(change.value, next.value));
			i++;
			continue;
		}
		const kind = change.added ? 'added' : 'removed';
		for (const text of change.value) out.push({ kind, text });
	}
	return out;
}

/** Removed lines, then the lines that replaced them, each pair with its word diff. */
function paired(removed: string[], added: string[]): DiffLine[] {
	const words = removed.map((text, i) => (i < added.length ? diffWords(text, added[i]) : null));
	const side = (kind: 'added' | 'removed', lines: string[]): DiffLine[] =>
		lines.map((text, i) => {
			const changes = words[i];
			if (!changes) return { kind, text };
			const parts = changes
				.filter((c) => (kind === 'added' ? !c.removed : !c.added))
				.map((c): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
			return { kind, text, parts };
		});
	return [...side('removed', removed), ...side('added', added)];
}
