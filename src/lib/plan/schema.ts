import * as Y from 'yjs';
import { focusTarget, type FocusTarget } from '../domain/focus-param';

/**
 * The shape of a plan document (`plan:<planId>`), in one versioned place. A plan is one Y.Doc:
 *
 * - `body` (Y.XmlFragment): the strategy's rich text, bound to Tiptap through y-prosemirror
 *   (@tiptap/extension-collaboration with `field: 'body'`); node names are those of `planExtensions()`.
 * - `actions` (Y.Array of Y.Map): the action plan, one map per row (`ActionRow` fields). A row's `link`
 *   is a plain object (`ActionLink`), replaced whole, so that two people linking at once end with one
 *   link, never a mix of both; rows from before links existed have none, and keep `linkedGap` as text.
 *   (Added without a version bump: a reader that predates it ignores the field and loses nothing.)
 * - `comments` (Y.Map of Y.Map): comment threads by id, anchored to the text by Yjs relative positions.
 * - `meta` (Y.Map): `schemaVersion`, so that an older client can tell it is looking at a newer document.
 *
 * Every change from app code goes through `transact()` (transact.ts); Tiptap writes `body` itself.
 *
 * Versions (`meta.schemaVersion`: the version the document is written for; an editor must be at least as new):
 * 1. paragraphs, headings, lists, tables, links, live figures; the action plan; comments.
 * 2. adds the `mapView` block (map-view.ts). Nothing to upgrade: version 1 documents are valid version 2
 *    documents. But an editor built before version 2 does not know the node, and y-prosemirror deletes,
 *    from the shared document and so for everyone, any node its schema cannot build. So a document is
 *    raised to 2 as a map view goes in (before the node reaches Yjs), and an editor opening a document
 *    newer than itself does not bind to it (isNewerThanThisEditor). Editors of version 1 predate that
 *    check: a tab left open since before the upgrade still drops map views; reloading it fixes that.
 * 3. template prompts are placeholders (section-placeholders.ts), no longer italic text in `body`, and
 *    the plan has no level-1 title of its own (its title is the plan's). Raised by the first editor
 *    that opens a synced document of an earlier version ('schema.placeholders' in transact.ts), which
 *    clears the prompts left untouched. An editor of version 2 would show the emptied sections without
 *    their prompts, so it must not open version 3 (isNewerThanThisEditor does that).
 */
export const PLAN_SCHEMA_VERSION = 3;

/** The first version holding map views. */
export const MAP_VIEW_SCHEMA_VERSION = 2;

/** The first version whose template prompts are placeholders, not text. */
export const PLACEHOLDER_SCHEMA_VERSION = 3;

export const BODY_FIELD = 'body';

export const RAG_STATUSES = ['not_started', 'red', 'amber', 'green', 'done'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const RAG_LABELS: Record<RagStatus, string> = {
	not_started: 'Not started',
	red: 'Red: off track',
	amber: 'Amber: at risk',
	green: 'Green: on track',
	done: 'Done'
};

/**
 * What an action is linked to on the map, with its label frozen at linking (published pages and other
 * readers show it without a lookup, and it reads the same after the data has moved on).
 */
export type ActionLink = FocusTarget & { label: string };

export const MAX_LINK_LABEL_LENGTH = 200;

/**
 * One row of the action plan. `dueDate` is an ISO date (yyyy-mm-dd) or ''. `linkedGap` is free text
 * (the column before links existed, kept so that nothing typed there is lost); `link` the map feature.
 */
export interface ActionRow {
	id: string;
	action: string;
	ownerLa: string;
	lead: string;
	dueDate: string;
	status: RagStatus;
	linkedGap: string;
	link: ActionLink | null;
}

export const ACTION_FIELDS = ['action', 'ownerLa', 'lead', 'dueDate', 'status', 'linkedGap'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export interface CommentReply {
	id: string;
	author: string;
	authorLa: string | null;
	text: string;
	at: string;
	/** ONS codes of LAs mentioned with @ in the text. */
	mentions: string[];
}

/** A comment thread, anchored to a range of `body` by encoded Yjs relative positions (base64). */
export interface CommentThread {
	id: string;
	anchorStart: string;
	anchorEnd: string;
	/** The text the thread was opened on, shown when the anchor's text has since been deleted. */
	quote: string;
	resolved: boolean;
	replies: CommentReply[];
}

export interface PlanParts {
	body: Y.XmlFragment;
	actions: Y.Array<Y.Map<unknown>>;
	comments: Y.Map<Y.Map<unknown>>;
	meta: Y.Map<unknown>;
}

/** The document says it needs a newer editor than this one (schemaVersion above PLAN_SCHEMA_VERSION). */
export function isNewerThanThisEditor(doc: Y.Doc): boolean {
	const version = planParts(doc).meta.get('schemaVersion');
	return typeof version === 'number' && version > PLAN_SCHEMA_VERSION;
}

export function planParts(doc: Y.Doc): PlanParts {
	return {
		body: doc.getXmlFragment(BODY_FIELD),
		actions: doc.getArray<Y.Map<unknown>>('actions'),
		comments: doc.getMap<Y.Map<unknown>>('comments'),
		meta: doc.getMap('meta')
	};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

export function isRagStatus(value: unknown): value is RagStatus {
	return typeof value === 'string' && (RAG_STATUSES as readonly string[]).includes(value);
}

/** A count of 1 to 4 children in a label ("3 children"): the number small-number suppression withholds. */
const SMALL_COUNT = /\b([1-4])(\s+child)/gi;

export function revealsSmallCount(label: string): boolean {
	return new RegExp(SMALL_COUNT.source, 'i').test(label);
}

/**
 * A stored link, or null when it is missing or malformed (another client's bug, a hand-edited document).
 * Gap counts of 1 to 4 read as "<5", whoever wrote them: the label travels to published pages.
 */
export function readActionLink(value: unknown): ActionLink | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const { kind, label } = value as Record<string, unknown>;
	const id = (value as Record<string, unknown>)[kind === 'gap' ? 'cell' : kind === 'la' ? 'code' : 'urn'];
	const target = focusTarget(kind, id);
	if (!target || typeof label !== 'string' || label.trim() === '') return null;
	const shown = label.trim().slice(0, MAX_LINK_LABEL_LENGTH);
	return { ...target, label: target.kind === 'gap' ? shown.replace(SMALL_COUNT, '<5$2') : shown };
}

/** What the link column says: the link's label, else the free text from before links. */
export function actionLinkText(row: ActionRow): string {
	return row.link?.label ?? row.linkedGap;
}

/** A row as plain data; fields missing or of the wrong type (another client's bug) read as empty. */
export function readActionRow(row: Y.Map<unknown>): ActionRow {
	const status = row.get('status');
	return {
		id: text(row.get('id')),
		action: text(row.get('action')),
		ownerLa: text(row.get('ownerLa')),
		lead: text(row.get('lead')),
		dueDate: text(row.get('dueDate')),
		status: isRagStatus(status) ? status : 'not_started',
		linkedGap: text(row.get('linkedGap')),
		link: readActionLink(row.get('link'))
	};
}

export function readActionRows(doc: Y.Doc): ActionRow[] {
	return planParts(doc).actions.toArray().map(readActionRow);
}

export function readCommentThread(thread: Y.Map<unknown>): CommentThread {
	const replies = thread.get('replies');
	return {
		id: text(thread.get('id')),
		anchorStart: text(thread.get('anchorStart')),
		anchorEnd: text(thread.get('anchorEnd')),
		quote: text(thread.get('quote')),
		resolved: thread.get('resolved') === true,
		replies: replies instanceof Y.Array ? (replies.toArray() as CommentReply[]) : []
	};
}

export function readCommentThreads(doc: Y.Doc): CommentThread[] {
	return [...planParts(doc).comments.values()].map(readCommentThread);
}
