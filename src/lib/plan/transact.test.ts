import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planParts, readActionRows, readCommentThreads, type ActionLink, type ActionRow } from './schema';
import { PLAN_ORIGIN, PlanChangeError, transact } from './transact';

const row = (id: string, action = 'Act'): ActionRow => ({
	id,
	action,
	ownerLa: 'E10000016',
	lead: 'Lead',
	dueDate: '2027-01-31',
	status: 'green',
	linkedGap: '',
	link: null
});
const gapLink = { kind: 'gap', cell: '851951b7fffffff', label: 'Gap 3: 24 children, near Wigan' } as const;

describe('transact', () => {
	it('adds, updates and removes action rows, each as one tagged transaction', () => {
		const doc = new Y.Doc();
		const origins: unknown[] = [];
		doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
		transact(doc, { kind: 'action.add', row: row('a') });
		transact(doc, { kind: 'action.add', row: row('b') });
		transact(doc, { kind: 'action.update', id: 'b', field: 'status', value: 'red' });
		transact(doc, { kind: 'action.remove', id: 'a' });
		expect(readActionRows(doc)).toEqual([{ ...row('b'), status: 'red' }]);
		expect(origins).toEqual([PLAN_ORIGIN, PLAN_ORIGIN, PLAN_ORIGIN, PLAN_ORIGIN]);
	});

	it('refuses bad values before touching the document', () => {
		const doc = new Y.Doc();
		transact(doc, { kind: 'action.add', row: row('a') });
		expect(() => transact(doc, { kind: 'action.update', id: 'a', field: 'status', value: 'purple' })).toThrow(
			PlanChangeError
		);
		expect(() =>
			transact(doc, { kind: 'action.update', id: 'a', field: 'dueDate', value: '31/01/2027' })
		).toThrow(PlanChangeError);
		expect(() => transact(doc, { kind: 'action.add', row: { ...row(''), id: '' } })).toThrow(PlanChangeError);
		expect(readActionRows(doc)).toEqual([row('a')]);
	});

	it('concurrent edits of different fields of a row both survive', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		transact(a, { kind: 'action.add', row: row('x') });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		transact(a, { kind: 'action.update', id: 'x', field: 'lead', value: 'Alice' });
		transact(b, { kind: 'action.update', id: 'x', field: 'status', value: 'amber' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readActionRows(a)).toEqual([{ ...row('x'), lead: 'Alice', status: 'amber' }]);
		expect(readActionRows(b)).toEqual(readActionRows(a));
	});

	it('links a row to a map feature and unlinks it, normalised as every reader reads it', () => {
		const doc = new Y.Doc();
		transact(doc, { kind: 'action.add', row: { ...row('a'), link: gapLink } });
		expect(readActionRows(doc)[0].link).toEqual(gapLink);
		transact(doc, {
			kind: 'action.link',
			id: 'a',
			link: { kind: 'la', code: 'e08000010', label: ' Wigan (LA) ' }
		});
		expect(readActionRows(doc)[0].link).toEqual({ kind: 'la', code: 'E08000010', label: 'Wigan (LA)' });
		transact(doc, { kind: 'action.link', id: 'a', link: null });
		expect(readActionRows(doc)).toEqual([row('a')]);
		expect(planParts(doc).actions.get(0).has('link')).toBe(false);
	});

	it('refuses links to nothing the map knows, without a label, or carrying a small count', () => {
		const doc = new Y.Doc();
		transact(doc, { kind: 'action.add', row: row('a') });
		const refused = [
			{ ...gapLink, cell: 'nowhere' },
			{ ...gapLink, label: ' ' },
			{ ...gapLink, label: 'x'.repeat(201) },
			{ ...gapLink, label: 'Gap 9: 3 children, near Wigan' },
			{ kind: 'street', id: '1', label: 'A street' }
		] as unknown as ActionLink[];
		for (const link of refused) {
			expect(() => transact(doc, { kind: 'action.link', id: 'a', link })).toThrow(PlanChangeError);
			expect(() => transact(doc, { kind: 'action.add', row: { ...row('b'), link } })).toThrow(
				PlanChangeError
			);
		}
		expect(readActionRows(doc)).toEqual([row('a')]);
	});

	it('two people linking the same row at once end with one of the two links, whole', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		transact(a, { kind: 'action.add', row: row('x') });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		transact(a, { kind: 'action.link', id: 'x', link: gapLink });
		transact(b, {
			kind: 'action.link',
			id: 'x',
			link: { kind: 'la', code: 'E08000010', label: 'Wigan (LA)' }
		});
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const link = readActionRows(a)[0].link;
		expect([gapLink.label, 'Wigan (LA)']).toContain(link?.label);
		expect(readActionRows(b)).toEqual(readActionRows(a));
	});

	it('opens, replies to, resolves and reopens comment threads', () => {
		const doc = new Y.Doc();
		const reply = {
			id: 'r1',
			author: 'Kent commissioner',
			authorLa: 'E10000016',
			text: 'Check @Medway',
			at: '2026-11-25T20:00:00Z',
			mentions: ['E06000035']
		};
		transact(doc, {
			kind: 'comment.open',
			thread: { id: 't1', anchorStart: 's', anchorEnd: 'e', quote: 'q', resolved: false, replies: [reply] }
		});
		transact(doc, { kind: 'comment.reply', threadId: 't1', reply: { ...reply, id: 'r2', text: 'Done' } });
		transact(doc, { kind: 'comment.resolve', threadId: 't1', resolved: true });
		expect(readCommentThreads(doc)).toEqual([
			{
				id: 't1',
				anchorStart: 's',
				anchorEnd: 'e',
				quote: 'q',
				resolved: true,
				replies: [reply, { ...reply, id: 'r2', text: 'Done' }]
			}
		]);
		transact(doc, { kind: 'comment.resolve', threadId: 't1', resolved: false });
		expect(readCommentThreads(doc)[0].resolved).toBe(false);
	});

	it('refuses a comment or reply over the limit the comment box counts down to', () => {
		const doc = new Y.Doc();
		const reply = { id: 'r1', author: 'A', authorLa: null, text: 'x'.repeat(2001), at: '', mentions: [] };
		const thread = {
			id: 't1',
			anchorStart: 's',
			anchorEnd: 'e',
			quote: 'q',
			resolved: false,
			replies: [reply]
		};
		expect(() => transact(doc, { kind: 'comment.open', thread })).toThrow('at most 2000 characters');
		transact(doc, {
			kind: 'comment.open',
			thread: { ...thread, replies: [{ ...reply, text: 'x'.repeat(2000) }] }
		});
		expect(() => transact(doc, { kind: 'comment.reply', threadId: 't1', reply })).toThrow(PlanChangeError);
		expect(readCommentThreads(doc)[0].replies).toHaveLength(1);
	});
});
