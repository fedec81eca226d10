import { describe, expect, it } from 'vitest';
import type { FigureRef } from './figure-text';
import { isClear, publishChecklist } from './publish-checklist';
import type { ActionRow } from './schema';

const heading = (text: string) => ({
	type: 'heading',
	attrs: { level: 2 },
	content: [{ type: 'text', text }]
});
const chip = (area: string, text: string) => ({
	type: 'liveFigure',
	attrs: { area, metric: 'childrenLookedAfter', text }
});
const row = (id: string, ownerLa: string): ActionRow => ({
	id,
	action: `Action ${id}`,
	ownerLa,
	lead: '',
	dueDate: '',
	status: 'not_started',
	linkedGap: '',
	link: null
});
const figure = (ref: FigureRef) => ({
	...ref,
	text: `${ref.area}: 12 children looked after`,
	value: 12,
	suppressed: false,
	areaName: ref.area
});

describe('publishChecklist', () => {
	const body = {
		type: 'doc',
		content: [
			heading('Needs analysis'),
			{ type: 'paragraph', content: [chip('region', 'region: 12 children looked after'), chip('E1', '')] },
			heading('Gaps and priorities'),
			{ type: 'paragraph' }
		]
	};

	it('lists open comments, empty sections, changed figures and actions without an owner', () => {
		const checklist = publishChecklist({
			body,
			threads: [
				{ id: 't1', anchorStart: '', anchorEnd: '', quote: 'Needs', resolved: false, replies: [] },
				{ id: 't2', anchorStart: '', anchorEnd: '', quote: 'Done', resolved: true, replies: [] }
			],
			actions: [row('a', 'E1'), row('b', ' ')],
			figure
		});
		expect(checklist).toEqual({
			openComments: [{ id: 't1', quote: 'Needs' }],
			emptySections: ['Gaps and priorities'],
			changedFigures: [
				{ area: 'E1', metric: 'childrenLookedAfter', was: '', now: 'E1: 12 children looked after' }
			],
			figuresUnread: false,
			actionsWithoutOwner: [{ id: 'b', action: 'Action b' }]
		});
		expect(isClear(checklist)).toBe(false);
	});

	it('is clear when there is nothing to flag, and not while the figures are unread', () => {
		const written = {
			...body,
			content: [...body.content.slice(0, 3), { type: 'paragraph', content: [{ type: 'text', text: 'x' }] }]
		};
		written.content[1] = { type: 'paragraph', content: [chip('region', 'region: 12 children looked after')] };
		expect(isClear(publishChecklist({ body: written, threads: [], actions: [row('a', 'E1')], figure }))).toBe(
			true
		);
		expect(publishChecklist({ body: written, threads: [], actions: [], figure: null }).figuresUnread).toBe(
			true
		);
	});
});
