import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionHeadings } from './append-to-section';
import { newPlanState } from './new-plan-state';
import { plainText } from './plan-sections';
import { MAP_VIEW_SCHEMA_VERSION, planParts } from './schema';
import { transact } from './transact';

function templateDoc(): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(
		doc,
		newPlanState({ rccName: 'Greater Manchester', period: '', laNames: ['Bolton', 'Wigan'] })
	);
	return doc;
}

const blocks = (doc: Y.Doc) =>
	(yXmlFragmentToProsemirrorJSON(planParts(doc).body).content ?? []).map((node: JSONContent) =>
		node.type === 'mapView' ? `[map: ${node.attrs?.caption}]` : plainText(node)
	);

const spec = {
	layers: ['boundaries', 'hotspots'] as const,
	extent: { kind: 'region' } as const,
	caption: 'Gap 1'
};

describe('a map view sent to a section', () => {
	it('goes at the end of the section, after its subsections, and raises the schema for map views', () => {
		const doc = templateDoc();
		planParts(doc).meta.set('schemaVersion', 1);
		expect(sectionHeadings(planParts(doc).body)).toContain("Children's homes");
		transact(doc, {
			kind: 'section.appendMapView',
			heading: 'Current provision',
			spec: { ...spec, layers: [...spec.layers] }
		});
		transact(doc, {
			kind: 'section.appendMapView',
			heading: 'Needs analysis',
			spec: { ...spec, layers: [...spec.layers], caption: 'Gap 2' }
		});
		const text = blocks(doc);
		expect(text.slice(text.indexOf('Needs analysis'), text.indexOf('Current provision') + 1)).toEqual([
			'Needs analysis',
			'',
			'[map: Gap 2]',
			'Current provision'
		]);
		expect(text[text.indexOf('Gaps and priorities') - 1]).toBe('[map: Gap 1]');
		expect(text[text.indexOf('Gaps and priorities') - 2]).toBe('');
		expect(planParts(doc).meta.get('schemaVersion')).toBe(MAP_VIEW_SCHEMA_VERSION);
	});

	it('goes at the end when the section is gone, and never carries placement lines', () => {
		const doc = templateDoc();
		transact(doc, {
			kind: 'section.appendMapView',
			heading: 'Renamed by someone',
			spec: { ...spec, layers: ['placements' as never, 'boundaries'] }
		});
		const last = yXmlFragmentToProsemirrorJSON(planParts(doc).body).content?.at(-1);
		expect(last).toMatchObject({ type: 'mapView', attrs: { layers: 'boundaries', caption: 'Gap 1' } });
	});
});
