import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActionRows, readCommentThreads, type ActionRow } from './schema';
import { PLAN_ORIGIN, PlanChangeError, transact } from './transact';

const row = (id: string, action = 'Act'): ActionRow => ({
	id,
	action,
	ownerLa: 'E10000016',
	lead: 'Lead',
	dueDate: '2027-01-31',
	status: 'green',
	linkedGap: ''
});

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
});
