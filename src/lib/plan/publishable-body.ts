import type { JSONContent } from '@tiptap/core';
import { hasContent, plainText } from './plan-sections';
import { isTemplateGuidance } from './template';

/**
 * The text as it may be published, whatever a client stored: no template prompt as text (left from
 * before schema version 3, pasted or typed back), no empty paragraph (where a placeholder showed), and
 * not the template's old level-1 title when it still opens the text (the published title is the plan's).
 */
export function publishableBody(body: JSONContent, oldTitle: string): JSONContent {
	const keep = (node: JSONContent): JSONContent | null => {
		if (node.type === 'paragraph' && isTemplateGuidance(plainText(node))) return null;
		if (!node.content) return node;
		return { ...node, content: node.content.map(keep).filter((child) => child !== null) };
	};
	const blocks = (body.content ?? [])
		.filter((block, index) => {
			if (block.type === 'paragraph') return hasContent(block);
			const opensWithTitle = index === 0 && block.type === 'heading' && Number(block.attrs?.level) === 1;
			return !(opensWithTitle && plainText(block).trim() === oldTitle);
		})
		.map(keep)
		.filter((block) => block !== null);
	return { ...body, content: blocks };
}
