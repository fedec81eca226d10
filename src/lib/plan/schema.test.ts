import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionLinkText, planParts, readActionLink, readActionRows } from './schema';

/** A row as another client (or an older version of this app) may have written it. */
function stored(fields: Record<string, unknown>): Y.Doc {
	const doc = new Y.Doc();
	const row = new Y.Map<unknown>();
	planParts(doc).actions.push([row]);
	for (const [key, value] of Object.entries(fields)) row.set(key, value);
	return doc;
}

describe('readActionRow', () => {
	it('reads a row from before links: its free text stays, with no link', () => {
		const [row] = readActionRows(stored({ id: 'a', action: 'Open a home', linkedGap: 'Medway north' }));
		expect(row).toMatchObject({ linkedGap: 'Medway north', link: null, status: 'not_started' });
		expect(actionLinkText(row)).toBe('Medway north');
	});

	it('reads a link of each kind, its label as frozen', () => {
		const links = [
			{ kind: 'gap', cell: '851951b7fffffff', label: 'Gap 3: 24 children, near Wigan' },
			{ kind: 'la', code: 'E08000010', label: 'Wigan (LA)' },
			{ kind: 'home', urn: 'SC123456', label: "Children's home SC123456, Wigan" }
		];
		for (const link of links) {
			const [row] = readActionRows(stored({ id: 'a', link, linkedGap: 'old note' }));
			expect(row.link).toEqual(link);
			expect(row.linkedGap).toBe('old note');
			expect(actionLinkText(row)).toBe(link.label);
		}
	});

	it('reads a malformed link as none, leaving the rest of the row', () => {
		for (const link of [
			'Gap 3',
			42,
			null,
			['gap'],
			{ kind: 'gap', cell: 'not-a-cell', label: 'Gap 1' },
			{ kind: 'la', code: 'E08000010' },
			{ kind: 'la', code: 'E08000010', label: '  ' },
			{ kind: 'home', code: 'E08000010', label: 'A home with the wrong id field' },
			{ kind: 'street', id: 'x', label: 'Somewhere' }
		]) {
			const [row] = readActionRows(stored({ id: 'a', action: 'Keep me', link }));
			expect(row.link).toBeNull();
			expect(row.action).toBe('Keep me');
		}
	});

	it('drops stray fields and normalises ids', () => {
		expect(readActionLink({ kind: 'la', code: 'e08000010', label: 'Wigan (LA)', extra: '<b>' })).toEqual({
			kind: 'la',
			code: 'E08000010',
			label: 'Wigan (LA)'
		});
	});

	it('never reads a gap label with a count of 1 to 4 children: the label is published', () => {
		expect(
			readActionLink({ kind: 'gap', cell: '851951b7fffffff', label: 'Gap 7: 3 children, near Wigan' })?.label
		).toBe('Gap 7: <5 children, near Wigan');
		expect(readActionLink({ kind: 'gap', cell: '851951b7fffffff', label: 'Gap 2: 1 child' })?.label).toBe(
			'Gap 2: <5 child'
		);
		// Larger counts, and ranks, are not small numbers.
		expect(
			readActionLink({ kind: 'gap', cell: '851951b7fffffff', label: 'Gap 4: 14 children, near Bury' })?.label
		).toBe('Gap 4: 14 children, near Bury');
	});
});
