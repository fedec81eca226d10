import type { JSONContent } from '@tiptap/core';
import { SECTION_GUIDANCE, isTemplateGuidance } from './template';

/** Nodes that are content by themselves, text or not. */
const CONTENT_NODES = new Set(['liveFigure', 'mapView', 'table', 'horizontalRule', 'image']);

/** The node's text, figures and map views aside. */
export function plainText(node: JSONContent): string {
	if (node.type === 'text') return node.text ?? '';
	return (node.content ?? []).map(plainText).join('');
}

/** The node says something: text that is not a template prompt, a figure, a map view, a table. */
export function hasContent(node: JSONContent): boolean {
	if (CONTENT_NODES.has(node.type ?? '')) return true;
	if (node.type === 'text') return (node.text ?? '').trim() !== '';
	if (node.type === 'paragraph' && isTemplateGuidance(plainText(node))) return false;
	return (node.content ?? []).some(hasContent);
}

const isEmptyParagraph = (node: JSONContent) => node.type === 'paragraph' && !hasContent(node);

const headingLevel = (node: JSONContent) => (node.type === 'heading' ? Number(node.attrs?.level) || 2 : 0);

/**
 * Which top-level blocks show their section's prompt: the first empty paragraph under each heading that has
 * guidance (SECTION_GUIDANCE), by index among the blocks.
 */
export function sectionPlaceholders(blocks: JSONContent[]): Map<number, string> {
	const shown = new Map<number, string>();
	let guidance: string | undefined;
	blocks.forEach((block, index) => {
		if (block.type === 'heading') guidance = SECTION_GUIDANCE[plainText(block).trim()];
		else if (guidance && isEmptyParagraph(block)) {
			shown.set(index, guidance);
			guidance = undefined;
		}
	});
	return shown;
}

/**
 * Headings of the sections with nothing written in them, in order. A heading followed by a deeper one
 * ("Current provision" over "Fostering") is a parent: its subsections are listed instead.
 */
export function emptySections(body: JSONContent): string[] {
	const blocks = body.content ?? [];
	const empty: string[] = [];
	blocks.forEach((block, index) => {
		const level = headingLevel(block);
		if (!level) return;
		let next = index + 1;
		while (next < blocks.length && !headingLevel(blocks[next])) next++;
		const isParent = next < blocks.length && next === index + 1 && headingLevel(blocks[next]) > level;
		if (!isParent && !blocks.slice(index + 1, next).some(hasContent)) empty.push(plainText(block).trim());
	});
	return empty;
}
