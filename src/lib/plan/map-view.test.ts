import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planExtensions } from './extensions';
import { insertsMapView } from './map-view';
import { renderPlanHtml, planTextLines } from './render-html';

const schema = getSchema(planExtensions());

describe('the mapView node', () => {
	it('is an atom block of the plan schema, stored in Yjs as three text attributes', () => {
		const body = {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'Before' }] },
				{ type: 'mapView', attrs: { layers: 'boundaries,homes', extent: 'E08000003', caption: 'Homes' } }
			]
		};
		const doc = new Y.Doc();
		prosemirrorJSONToYXmlFragment(schema, body, doc.getXmlFragment('body'));
		const element = doc.getXmlFragment('body').get(1) as Y.XmlElement;
		expect(element.nodeName).toBe('mapView');
		expect(element.getAttributes()).toEqual({
			layers: 'boundaries,homes',
			extent: 'E08000003',
			caption: 'Homes'
		});
		expect(schema.nodes.mapView.isAtom && schema.nodes.mapView.isBlock).toBe(true);
		expect(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment('body')).content[1].attrs).toEqual(
			body.content[1].attrs
		);
	});

	it('renders attributes a bad client wrote as a safe default, not a crash', () => {
		const node = schema.nodeFromJSON({
			type: 'mapView',
			attrs: { layers: 'placements', extent: 7, caption: null }
		});
		const { html } = renderPlanHtml({
			title: 'Our strategy',
			body: { type: 'doc', content: [node.toJSON()] },
			actions: [],
			figure: () => null,
			laNames: {},
			mapView: (spec, id) => `<figure id="${id}">${spec.layers.join('+')} ${spec.extent.kind}</figure>`
		});
		expect(html).toContain('<figure id="map-view-1">boundaries region</figure>');
		expect(planTextLines({ type: 'doc', content: [node.toJSON()] })).toEqual([
			'[Map: untitled (boundaries; whole region)]'
		]);
	});

	it('tells when a transaction puts a map view in, so the document is raised to schema 2 first', () => {
		const state = EditorState.create({ schema });
		const insert = state.tr.insert(0, schema.nodes.mapView.create());
		const typing = state.tr.insertText('Hello', 1);
		expect(insertsMapView([insert])).toBe(true);
		expect(insertsMapView([typing])).toBe(false);
		expect(insertsMapView([])).toBe(false);
	});
});
