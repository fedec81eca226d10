import * as Y from 'yjs';
import { MAX_ACTION_FIELD_LENGTH, MAX_COMMENT_LENGTH } from '../../src/lib/plan/plan-limits';

/**
 * The longest string a plain value of a plan document may hold. Plain values are what `Y.Map.set` and
 * `Y.Array.push` store: action plan cells, comment threads and their replies, node attributes. The
 * longest an honest client writes are a comment and an action cell (transact.ts refuses longer ones);
 * every other (link labels 200, captions 300, quotes 280, ids) is shorter.
 */
export const MAX_PLAN_STRING_LENGTH = Math.max(MAX_COMMENT_LENGTH, MAX_ACTION_FIELD_LENGTH);

/**
 * The most one plain value may amount to (strings and keys by their length, anything else as 1): a
 * reply of 2,000 characters with its author, ids and every LA in England mentioned stays under it.
 */
export const MAX_PLAN_VALUE_SIZE = 4 * MAX_PLAN_STRING_LENGTH;

/**
 * What in `update` breaks the plan's field limits, or null. Rich text (`body`'s characters and
 * formatting) is not plain and is bounded by the document's size cap alone.
 *
 * Cheap for what editing sends: every unit this counts is at least one byte of the update, so an update
 * no longer than the string limit cannot break either limit and is not decoded.
 */
export function oversizePlanValue(update: Uint8Array): string | null {
	if (update.byteLength <= MAX_PLAN_STRING_LENGTH) return null;
	for (const struct of Y.decodeUpdate(update).structs) {
		if (!(struct instanceof Y.Item)) continue;
		const values = plainValues(struct.content);
		const where = struct.parentSub === null ? 'a list entry' : `"${struct.parentSub}"`;
		for (const value of values) {
			const size = plainSize(value);
			if (size.longestString > MAX_PLAN_STRING_LENGTH)
				return `${where} holds a string of ${size.longestString} characters (at most ${MAX_PLAN_STRING_LENGTH})`;
			if (size.total > MAX_PLAN_VALUE_SIZE)
				return `${where} holds a value of more than ${MAX_PLAN_VALUE_SIZE} characters (at most ${MAX_PLAN_VALUE_SIZE})`;
		}
	}
	return null;
}

function plainValues(content: Y.Item['content']): unknown[] {
	if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.arr;
	if (content instanceof Y.ContentEmbed) return [content.embed];
	if (content instanceof Y.ContentBinary) return [content.content];
	return [];
}

interface PlainSize {
	total: number;
	longestString: number;
}

/** Stops adding once the value is over a limit: a hostile value is not walked to its end. */
function plainSize(value: unknown, size: PlainSize = { total: 0, longestString: 0 }): PlainSize {
	if (typeof value === 'string') {
		size.total += value.length;
		size.longestString = Math.max(size.longestString, value.length);
	} else if (value instanceof Uint8Array) {
		size.total += value.byteLength;
	} else if (Array.isArray(value)) {
		size.total += 1;
		for (const item of value) if (!withinLimits(plainSize(item, size))) break;
	} else if (typeof value === 'object' && value !== null) {
		size.total += 1;
		for (const [key, item] of Object.entries(value)) {
			if (!withinLimits(plainSize(key, size)) || !withinLimits(plainSize(item, size))) break;
		}
	} else {
		size.total += 1;
	}
	return size;
}

function withinLimits(size: PlainSize): boolean {
	return size.total <= MAX_PLAN_VALUE_SIZE && size.longestString <= MAX_PLAN_STRING_LENGTH;
}
