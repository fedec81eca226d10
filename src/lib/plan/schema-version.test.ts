import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAP_VIEW_SCHEMA_VERSION, PLAN_SCHEMA_VERSION, isNewerThanThisEditor, planParts } from './schema';
import { PlanChangeError, transact } from './transact';

describe('the plan schema version', () => {
	it('is raised for map views and never lowered', () => {
		const doc = new Y.Doc();
		planParts(doc).meta.set('schemaVersion', 1);
		transact(doc, { kind: 'schema.require', version: MAP_VIEW_SCHEMA_VERSION });
		expect(planParts(doc).meta.get('schemaVersion')).toBe(2);
		transact(doc, { kind: 'schema.require', version: 1 });
		expect(planParts(doc).meta.get('schemaVersion')).toBe(2);
		expect(() => transact(doc, { kind: 'schema.require', version: PLAN_SCHEMA_VERSION + 1 })).toThrow(
			PlanChangeError
		);
		expect(isNewerThanThisEditor(doc)).toBe(false);
	});

	it('a newer document is seen before any observer of the text renders it', () => {
		// What the editor relies on (PlanEditor): meta and body arriving in one update, the document's
		// beforeObserverCalls sees the new version before y-prosemirror's deep observer of `body` runs.
		const newer = new Y.Doc();
		planParts(newer).meta.set('schemaVersion', PLAN_SCHEMA_VERSION + 1);
		planParts(newer).body.push([new Y.XmlElement('someFutureNode')]);
		const doc = new Y.Doc();
		const seen: string[] = [];
		doc.on('beforeObserverCalls', () => seen.push(isNewerThanThisEditor(doc) ? 'newer' : 'same'));
		planParts(doc).body.observeDeep(() => seen.push('body'));
		seen.length = 0;
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer));
		expect(seen).toEqual(['newer', 'body']);
	});
});
