import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { planExtensions } from './extensions';
import { BODY_FIELD } from './schema';
import { planTemplate, type TemplateContext } from './template';
import { transact } from './transact';

/**
 * The first state of a new plan as one Yjs update: the template's text in `body` and the schema version.
 * Stored as the document's first update, so every client that connects starts from the same text
 * (two clients each inserting a template would get it twice).
 */
export function newPlanState(context: TemplateContext): Uint8Array {
	const doc = new Y.Doc();
	const schema = getSchema(planExtensions());
	prosemirrorJSONToYXmlFragment(schema, planTemplate(context), doc.getXmlFragment(BODY_FIELD));
	transact(doc, { kind: 'init' });
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
