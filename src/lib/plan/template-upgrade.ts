import * as Y from 'yjs';
import { isTemplateGuidance } from './template';

/** The text of a stored node, as y-prosemirror keeps it (marks aside). */
export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
	if (node instanceof Y.XmlText)
		return (node.toDelta() as { insert: unknown }[])
			.map((part) => (typeof part.insert === 'string' ? part.insert : ''))
			.join('');
	if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('');
	return '';
}

/**
 * Schema version 3 (schema.ts): template prompts become placeholders. In a plan started before, each
 * paragraph still holding exactly a prompt is emptied (the placeholder then shows it again, as a prompt)
 * and the template's level-1 title goes, when it is still the first block and still reads as the template
 * wrote it. Text anyone changed is left alone. Safe to run twice or on two clients at once: both delete
 * the same items, and Yjs deletions are idempotent.
 */
export function upgradeTemplateText(body: Y.XmlFragment, oldTitle: string): void {
	const first = body.get(0);
	if (
		first instanceof Y.XmlElement &&
		first.nodeName === 'heading' &&
		Number(first.getAttribute('level')) === 1 &&
		textOf(first).trim() === oldTitle
	)
		body.delete(0, 1);
	for (const node of body.toArray()) {
		if (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && isTemplateGuidance(textOf(node)))
			node.delete(0, node.length);
	}
}
