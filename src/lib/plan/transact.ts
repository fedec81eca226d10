import * as Y from 'yjs';
import { appendToSection } from './append-to-section';
import { MAP_VIEW_NODE } from './map-view';
import { mapViewAttrs, readMapView, type MapViewSpec } from './map-view-spec';
import {
	MAP_VIEW_SCHEMA_VERSION,
	PLACEHOLDER_SCHEMA_VERSION,
	ACTION_FIELDS,
	MAX_LINK_LABEL_LENGTH,
	PLAN_SCHEMA_VERSION,
	isRagStatus,
	planParts,
	readActionLink,
	revealsSmallCount,
	type ActionField,
	type ActionLink,
	type ActionRow,
	type CommentReply,
	type CommentThread
} from './schema';
import { MAX_ACTION_FIELD_LENGTH, MAX_COMMENT_LENGTH } from './plan-limits';
import { upgradeTemplateText } from './template-upgrade';

/** Every change app code makes to a plan document (Tiptap writes the rich text itself). */
export type PlanChange =
	| { kind: 'init' }
	/** Raises `meta.schemaVersion` to at least `version` (never lowers it). */
	| { kind: 'schema.require'; version: number }
	/**
	 * Raises a document from before version 3 to 3: the template's prompts stored as text are cleared
	 * (template-upgrade.ts). `oldTitle` is the level-1 heading the template gave the plan.
	 */
	| { kind: 'schema.placeholders'; oldTitle: string }
	/** A map view at the end of a section (sent from the map's panels), raising the schema for it. */
	| { kind: 'section.appendMapView'; heading: string; spec: MapViewSpec }
	| { kind: 'action.add'; row: ActionRow }
	| { kind: 'action.update'; id: string; field: ActionField; value: string }
	/** Links a row to a gap, an LA or a home on the map (null: no link), replacing any link it had. */
	| { kind: 'action.link'; id: string; link: ActionLink | null }
	| { kind: 'action.remove'; id: string }
	| { kind: 'actions.replace'; rows: ActionRow[] }
	| { kind: 'comment.open'; thread: CommentThread }
	| { kind: 'comment.reply'; threadId: string; reply: CommentReply }
	| { kind: 'comment.resolve'; threadId: string; resolved: boolean };

/** Transaction origin of changes made through `transact`, so observers can tell them from remote ones. */
export const PLAN_ORIGIN = 'plan-app';

export class PlanChangeError extends Error {}

function checkRow(row: ActionRow): void {
	if (!row.id) throw new PlanChangeError('An action needs an id');
	for (const field of ACTION_FIELDS) checkField(field, row[field]);
	checkLink(row.link ?? null);
}

function checkField(field: ActionField, value: string): void {
	if (typeof value !== 'string' || value.length > MAX_ACTION_FIELD_LENGTH)
		throw new PlanChangeError(`"${field}" must be text of at most ${MAX_ACTION_FIELD_LENGTH} characters`);
	if (field === 'status' && !isRagStatus(value)) throw new PlanChangeError(`"${value}" is not a status`);
	if (field === 'dueDate' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
		throw new PlanChangeError(`"${value}" is not a date (yyyy-mm-dd)`);
}

/**
 * A link as it is stored: what `readActionLink` makes of it (ids normalised, only the fields of its kind),
 * so that every reader sees exactly what was written. Throws on anything it would not read back.
 */
function linkToStore(link: ActionLink): ActionLink {
	if (typeof link.label !== 'string' || link.label.trim() === '' || link.label.length > MAX_LINK_LABEL_LENGTH)
		throw new PlanChangeError(`A link needs a label of at most ${MAX_LINK_LABEL_LENGTH} characters`);
	if (link.kind === 'gap' && revealsSmallCount(link.label))
		throw new PlanChangeError('A gap of fewer than 5 children cannot be linked: its count is withheld');
	const read = readActionLink(link);
	if (!read) throw new PlanChangeError('That is not a gap, an LA or a home the map knows how to show');
	return read;
}

function checkReply(reply: CommentReply): void {
	if (typeof reply.text !== 'string' || reply.text.length > MAX_COMMENT_LENGTH)
		throw new PlanChangeError(`A comment must be text of at most ${MAX_COMMENT_LENGTH} characters`);
}

function checkLink(link: ActionLink | null): void {
	if (link !== null) linkToStore(link);
}

function rowMap(row: ActionRow): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', row.id);
	for (const field of ACTION_FIELDS) map.set(field, row[field]);
	if (row.link) map.set('link', linkToStore(row.link));
	return map;
}

function indexOfAction(doc: Y.Doc, id: string): number {
	return planParts(doc)
		.actions.toArray()
		.findIndex((row) => row.get('id') === id);
}

/**
 * The one door for app changes to a plan document: validates the change (throws `PlanChangeError`
 * before touching the document), applies it in one Yjs transaction tagged `origin`, so that it is one
 * step for an undo manager and one update on the wire.
 */
export function transact(doc: Y.Doc, change: PlanChange, origin: unknown = PLAN_ORIGIN): void {
	if (change.kind === 'action.add') checkRow(change.row);
	if (change.kind === 'actions.replace') change.rows.forEach(checkRow);
	if (change.kind === 'action.update') checkField(change.field, change.value);
	if (change.kind === 'action.link') checkLink(change.link);
	if (change.kind === 'comment.open') change.thread.replies.forEach(checkReply);
	if (change.kind === 'comment.reply') checkReply(change.reply);
	if (change.kind === 'section.appendMapView')
		// What any reader makes of the attributes: layers that may be embedded, a clean caption.
		change = { ...change, spec: readMapView(mapViewAttrs(change.spec)) };
	if (
		change.kind === 'schema.require' &&
		!(Number.isInteger(change.version) && change.version >= 1 && change.version <= PLAN_SCHEMA_VERSION)
	)
		throw new PlanChangeError(`This editor cannot write schema version ${change.version}`);
	const parts = planParts(doc);
	doc.transact(() => {
		switch (change.kind) {
			case 'init':
				if (parts.meta.get('schemaVersion') === undefined)
					parts.meta.set('schemaVersion', PLAN_SCHEMA_VERSION);
				return;
			case 'schema.require': {
				const current = parts.meta.get('schemaVersion');
				if (typeof current !== 'number' || current < change.version)
					parts.meta.set('schemaVersion', change.version);
				return;
			}
			case 'schema.placeholders': {
				const current = parts.meta.get('schemaVersion');
				if (typeof current === 'number' && current >= PLACEHOLDER_SCHEMA_VERSION) return;
				upgradeTemplateText(parts.body, change.oldTitle);
				parts.meta.set('schemaVersion', PLACEHOLDER_SCHEMA_VERSION);
				return;
			}
			case 'section.appendMapView': {
				const current = parts.meta.get('schemaVersion');
				if (typeof current !== 'number' || current < MAP_VIEW_SCHEMA_VERSION)
					parts.meta.set('schemaVersion', MAP_VIEW_SCHEMA_VERSION);
				const block = new Y.XmlElement(MAP_VIEW_NODE);
				for (const [key, value] of Object.entries(mapViewAttrs(change.spec))) block.setAttribute(key, value);
				appendToSection(parts.body, change.heading, block);
				return;
			}
			case 'action.add':
				parts.actions.push([rowMap(change.row)]);
				return;
			case 'action.update': {
				const index = indexOfAction(doc, change.id);
				if (index >= 0) parts.actions.get(index).set(change.field, change.value);
				return;
			}
			case 'action.link': {
				const index = indexOfAction(doc, change.id);
				if (index < 0) return;
				if (change.link) parts.actions.get(index).set('link', linkToStore(change.link));
				else parts.actions.get(index).delete('link');
				return;
			}
			case 'action.remove': {
				const index = indexOfAction(doc, change.id);
				if (index >= 0) parts.actions.delete(index, 1);
				return;
			}
			case 'actions.replace':
				parts.actions.delete(0, parts.actions.length);
				parts.actions.push(change.rows.map(rowMap));
				return;
			case 'comment.open': {
				const thread = new Y.Map<unknown>();
				const { replies, ...fields } = change.thread;
				for (const [key, value] of Object.entries(fields)) thread.set(key, value);
				const list = new Y.Array<CommentReply>();
				list.push(replies);
				thread.set('replies', list);
				parts.comments.set(change.thread.id, thread);
				return;
			}
			case 'comment.reply': {
				const replies = parts.comments.get(change.threadId)?.get('replies');
				if (replies instanceof Y.Array) replies.push([change.reply]);
				return;
			}
			case 'comment.resolve':
				parts.comments.get(change.threadId)?.set('resolved', change.resolved);
				return;
		}
	}, origin);
}
