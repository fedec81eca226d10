import type { JSONContent } from '@tiptap/core';
import { isFigureMetric, type FigureRef, type FigureValue } from './figure-text';
import { emptySections } from './plan-sections';
import type { ActionRow, CommentThread } from './schema';

export interface ChangedFigure extends FigureRef {
	/** The text stored with the figure when it was put in, '' when never read. */
	was: string;
	now: string;
}

/** What a publisher should know before a version goes public (it cannot be changed afterwards). */
export interface PublishChecklist {
	openComments: { id: string; quote: string }[];
	emptySections: string[];
	/** Figures whose value is not what the text was written around (publishing freezes `now`). */
	changedFigures: ChangedFigure[];
	/** The figures could not be read here, so they could not be compared. */
	figuresUnread: boolean;
	actionsWithoutOwner: { id: string; action: string }[];
}

function figureRefs(node: JSONContent, found: (FigureRef & { text: string })[] = []) {
	if (node.type === 'liveFigure' && isFigureMetric(node.attrs?.metric))
		found.push({
			area: String(node.attrs?.area ?? ''),
			metric: node.attrs.metric,
			text: String(node.attrs?.text ?? '')
		});
	for (const child of node.content ?? []) figureRefs(child, found);
	return found;
}

/**
 * The publish checklist of a plan as this browser holds it: open comment threads, sections with nothing
 * written, figures that changed since they were put in, actions without an owning LA. `figure` is null
 * while the figures have not been read.
 */
export function publishChecklist(input: {
	body: JSONContent;
	threads: CommentThread[];
	actions: ActionRow[];
	figure: ((ref: FigureRef) => FigureValue | null) | null;
}): PublishChecklist {
	const { figure } = input;
	const changedFigures: ChangedFigure[] = [];
	for (const ref of figureRefs(input.body)) {
		const now = figure?.({ area: ref.area, metric: ref.metric })?.text;
		if (now !== undefined && now !== ref.text)
			changedFigures.push({ area: ref.area, metric: ref.metric, was: ref.text, now });
	}
	return {
		openComments: input.threads
			.filter((thread) => !thread.resolved)
			.map((thread) => ({ id: thread.id, quote: thread.quote })),
		emptySections: emptySections(input.body),
		changedFigures,
		figuresUnread: figure === null,
		actionsWithoutOwner: input.actions
			.filter((row) => row.ownerLa.trim() === '')
			.map((row) => ({ id: row.id, action: row.action }))
	};
}

/** Nothing on the checklist: publishing needs no second look. */
export function isClear(checklist: PublishChecklist): boolean {
	return (
		checklist.openComments.length === 0 &&
		checklist.emptySections.length === 0 &&
		checklist.changedFigures.length === 0 &&
		!checklist.figuresUnread &&
		checklist.actionsWithoutOwner.length === 0
	);
}
