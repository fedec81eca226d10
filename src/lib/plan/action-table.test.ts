import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, viewActions } from './action-table';
import type { ActionRow } from './schema';

const row = (id: string, fields: Partial<ActionRow>): ActionRow => ({
	id,
	action: '',
	ownerLa: '',
	lead: '',
	dueDate: '',
	status: 'not_started',
	linkedGap: '',
	link: null,
	...fields
});

const rows = [
	row('a', {
		action: 'Recruit foster carers',
		ownerLa: 'K',
		dueDate: '2027-06-30',
		status: 'green',
		lead: 'Sam'
	}),
	row('b', {
		action: 'Open a home',
		ownerLa: 'M',
		dueDate: '2026-12-31',
		status: 'red',
		linkedGap: 'Medway north'
	}),
	row('c', { action: 'Review secure capacity', ownerLa: 'K', status: 'amber' }),
	row('d', { action: 'Supported accommodation audit', ownerLa: 'M', dueDate: '2027-01-15', status: 'red' })
];
const linked = [
	row('w', { link: { kind: 'la', code: 'E08000010', label: 'Wigan (LA)' } }),
	row('g', { link: { kind: 'gap', cell: '851951b7fffffff', label: 'Gap 3: 24 children, near Bolton' } }),
	row('n', { linkedGap: 'Medway north' }),
	row('h', {
		link: { kind: 'home', urn: '2590934', label: "Children's home 2590934, Salford" },
		linkedGap: 'Also the annexe'
	})
];
const names = { K: 'Kent', M: 'Medway' };
const ids = (list: ActionRow[]) => list.map((r) => r.id);

describe('viewActions', () => {
	it('keeps the document order until a column is chosen', () => {
		expect(ids(viewActions(rows, DEFAULT_VIEW))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('sorts by due date with undated rows last, in both directions', () => {
		const byDate = { ...DEFAULT_VIEW, sortBy: 'dueDate' as const };
		expect(ids(viewActions(rows, byDate))).toEqual(['b', 'd', 'a', 'c']);
		expect(ids(viewActions(rows, { ...byDate, descending: true }))).toEqual(['a', 'd', 'b', 'c']);
	});

	it('sorts status by urgency and keeps ties in document order', () => {
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, sortBy: 'status' }))).toEqual(['b', 'd', 'c', 'a']);
	});

	it('sorts owners by LA name', () => {
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, sortBy: 'ownerLa', descending: true }, names))).toEqual([
			'b',
			'd',
			'a',
			'c'
		]);
	});

	it('filters by status, owner and words in action, lead or gap', () => {
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, status: 'red' }))).toEqual(['b', 'd']);
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, sortBy: 'dueDate', ownerLa: 'K' }))).toEqual(['a', 'c']);
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, text: 'NORTH' }))).toEqual(['b']);
		expect(ids(viewActions(rows, { ...DEFAULT_VIEW, text: 'sam' }))).toEqual(['a']);
		expect(viewActions(rows, { ...DEFAULT_VIEW, status: 'done' })).toEqual([]);
	});

	it('sorts the link column by what it shows (the label, else the free text), unlinked rows last', () => {
		const byLink = { ...DEFAULT_VIEW, sortBy: 'linkedGap' as const };
		const withUnlinked = [row('u', {}), ...linked];
		expect(ids(viewActions(withUnlinked, byLink))).toEqual(['h', 'g', 'n', 'w', 'u']);
		expect(ids(viewActions(withUnlinked, { ...byLink, descending: true }))).toEqual([
			'w',
			'n',
			'g',
			'h',
			'u'
		]);
	});

	it('finds words in link labels and in the free text beside them', () => {
		expect(ids(viewActions(linked, { ...DEFAULT_VIEW, text: 'bolton' }))).toEqual(['g']);
		expect(ids(viewActions(linked, { ...DEFAULT_VIEW, text: 'wigan' }))).toEqual(['w']);
		expect(ids(viewActions(linked, { ...DEFAULT_VIEW, text: 'annexe' }))).toEqual(['h']);
		expect(ids(viewActions(linked, { ...DEFAULT_VIEW, text: 'north' }))).toEqual(['n']);
		// The ids behind a link are not what people see, so they are not searched.
		expect(ids(viewActions(linked, { ...DEFAULT_VIEW, text: 'E08000010' }))).toEqual([]);
	});
});
