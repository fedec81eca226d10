import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_PLAN_STRING_LENGTH, MAX_PLAN_VALUE_SIZE, oversizePlanValue } from './plan-value-limits';

/** The update a client sends after making `change` to an empty document. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
	const doc = new Y.Doc();
	change(doc);
	return Y.encodeStateAsUpdate(doc);
}

const cell = (value: unknown) =>
	updateOf((doc) => {
		const row = new Y.Map<unknown>();
		doc.getArray('actions').push([row]);
		row.set('action', value);
	});

const reply = (fields: Record<string, unknown>) =>
	updateOf((doc) => {
		const replies = new Y.Array<unknown>();
		const thread = new Y.Map<unknown>();
		thread.set('replies', replies);
		doc.getMap('comments').set('t1', thread);
		replies.push([{ id: 'r1', author: 'Erin Editor', ...fields }]);
	});

/**
 * An update holding one legacy ContentJSON item (content ref 2, which Yjs still reads but no longer
 * writes) under `map[key]`, as a hand-made client could send it: Yjs's v1 encoding written out.
 */
function jsonContentUpdate(key: string, values: unknown[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1); // one client
	encoding.writeVarUint(encoder, 1); // with one struct
	encoding.writeVarUint(encoder, 42); // client id
	encoding.writeVarUint(encoder, 0); // first clock
	encoding.writeUint8(encoder, 2 | 0b0010_0000); // ContentJSON, with a parentSub, no origins
	encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
	encoding.writeVarString(encoder, 'map');
	encoding.writeVarString(encoder, key);
	encoding.writeVarUint(encoder, values.length);
	for (const value of values) encoding.writeVarString(encoder, JSON.stringify(value));
	encoding.writeVarUint(encoder, 0); // no deletions
	return encoding.toUint8Array(encoder);
}

describe('oversizePlanValue', () => {
	it('the limits are those of comments and action cells (2,000 characters), a value four times that', () => {
		expect(MAX_PLAN_STRING_LENGTH).toBe(2000);
		expect(MAX_PLAN_VALUE_SIZE).toBe(8000);
	});

	it('lets through an action cell of 2,000 characters, refuses one of 2,001, naming the field', () => {
		expect(oversizePlanValue(cell('a'.repeat(2000)))).toBeNull();
		expect(oversizePlanValue(cell('a'.repeat(2001)))).toBe(
			'"action" holds a string of 2001 characters (at most 2000)'
		);
		expect(oversizePlanValue(cell('a'.repeat(1_000_000)))).toBe(
			'"action" holds a string of 1000000 characters (at most 2000)'
		);
	});

	it('refuses a comment reply whose text is too long, wherever it sits in the value', () => {
		expect(oversizePlanValue(reply({ text: 'c'.repeat(2000) }))).toBeNull();
		expect(oversizePlanValue(reply({ text: 'c'.repeat(2001) }))).toBe(
			'a list entry holds a string of 2001 characters (at most 2000)'
		);
		expect(oversizePlanValue(reply({ text: 'ok', nested: [{ deeper: ['c'.repeat(2001)] }] }))).toMatch(
			/string of 2001 characters/
		);
		// Keys are strings too.
		expect(oversizePlanValue(reply({ ['k'.repeat(2001)]: 1 }))).toMatch(/string of 2001 characters/);
	});

	it('refuses a value of many short strings past 8,000 characters in all, and lets one of 8,000 through', () => {
		// An array is 1, each string its length: 1 + 8 x 999 + 7 = 8,000.
		const mentions = (last: number) => [
			...Array.from({ length: 8 }, () => 'm'.repeat(999)),
			'm'.repeat(last)
		];
		expect(oversizePlanValue(cell(mentions(7)))).toBeNull();
		expect(oversizePlanValue(cell(mentions(8)))).toBe(
			'"action" holds a value of more than 8000 characters (at most 8000)'
		);
		// An object is 1, each key and value its length; numbers, booleans and null 1 each.
		const object = (n: number) => ({
			k: 'v'.repeat(1999),
			l: 'v'.repeat(1999),
			m: 'v'.repeat(1999),
			n: 'v'.repeat(n),
			x: [1, true, null]
		});
		// 1 + (1 + 1999) x 3 + 1 + n + 1 + (1 + 3) = 6,007 + n
		expect(oversizePlanValue(cell(object(1993)))).toBeNull();
		expect(oversizePlanValue(cell(object(1994)))).toMatch(/value of more than 8000/);
	});

	it('stops reading a value once it is over the total: the first limit reached is the one reported', () => {
		// Past 8,000 after the sixth string; the 3,000-character string after it is never read.
		const value = [...Array.from({ length: 6 }, () => 's'.repeat(1500)), 's'.repeat(3000)];
		expect(oversizePlanValue(cell(value))).toMatch(/value of more than 8000/);
		const object = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 's'.repeat(1500)]));
		expect(oversizePlanValue(cell({ ...object, ['z'.repeat(3000)]: 1 }))).toMatch(/value of more than 8000/);
		expect(oversizePlanValue(cell({ ...object, z: 's'.repeat(3000) }))).toMatch(/value of more than 8000/);
	});

	it('counts binary values by their bytes, and embeds in text like any value', () => {
		const binary = (bytes: number) =>
			updateOf((doc) => doc.getMap('meta').set('blob', new Uint8Array(bytes)));
		expect(oversizePlanValue(binary(8000))).toBeNull();
		expect(oversizePlanValue(binary(8001))).toBe(
			'"blob" holds a value of more than 8000 characters (at most 8000)'
		);
		const embed = (characters: number) =>
			updateOf((doc) => doc.getText('notes').insertEmbed(0, { caption: 'e'.repeat(characters) }));
		expect(oversizePlanValue(embed(2000))).toBeNull();
		expect(oversizePlanValue(embed(2001))).toBe(
			'a list entry holds a string of 2001 characters (at most 2000)'
		);
	});

	it('reads legacy JSON content, which a hand-made client can still send', () => {
		expect(oversizePlanValue(jsonContentUpdate('lead', ['j'.repeat(2000)]))).toBeNull();
		expect(oversizePlanValue(jsonContentUpdate('lead', ['ok', 'j'.repeat(2001)]))).toBe(
			'"lead" holds a string of 2001 characters (at most 2000)'
		);
	});

	it('leaves rich text and its formatting to the document cap', () => {
		const body = updateOf((doc) => {
			const paragraph = new Y.XmlText();
			doc.getXmlFragment('body').insert(0, [paragraph]);
			paragraph.insert(0, 'p'.repeat(50_000), { link: { href: `https://example.org/${'h'.repeat(3000)}` } });
		});
		expect(oversizePlanValue(body)).toBeNull();
	});

	it('checks every item of the update, not only the first', () => {
		const update = updateOf((doc) => {
			const row = new Y.Map<unknown>();
			doc.getArray('actions').push([row]);
			row.set('status', 'red');
			row.set('lead', 'Pat');
			row.set('action', 'a'.repeat(2001));
		});
		expect(oversizePlanValue(update)).toMatch(/^"action" holds a string of 2001/);
	});
});
