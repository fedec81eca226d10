import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { sectionPlaceholders } from './plan-sections';

const key = new PluginKey<DecorationSet>('sectionPlaceholders');

function decorate(doc: ProseMirrorNode): DecorationSet {
	const blocks: ProseMirrorNode[] = [];
	const offsets: number[] = [];
	doc.forEach((child, offset) => {
		blocks.push(child);
		offsets.push(offset);
	});
	const shown = sectionPlaceholders(blocks.map((block) => block.toJSON()));
	const decorations = [...shown].map(([index, guidance]) =>
		Decoration.node(offsets[index], offsets[index] + blocks[index].nodeSize, {
			class: 'section-placeholder',
			'data-placeholder': guidance
		})
	);
	return DecorationSet.create(doc, decorations);
}

/**
 * The template's prompt for each section (template.ts SECTION_GUIDANCE), drawn in the section's first empty
 * paragraph by CSS from `data-placeholder`: a decoration, so it is never part of the document, typing does
 * not inherit its style, and it goes when the paragraph has text. Recomputed on every change of the text:
 * which paragraph shows a prompt depends on the heading above it (a plan has a few dozen top-level blocks).
 */
export const SectionPlaceholders = Extension.create({
	name: 'sectionPlaceholders',
	addProseMirrorPlugins() {
		const editor = this.editor;
		return [
			new Plugin<DecorationSet>({
				key,
				state: {
					init: (_, state) => decorate(state.doc),
					apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous)
				},
				props: {
					decorations: (state) => (editor.isEditable ? key.getState(state) : DecorationSet.empty)
				}
			})
		];
	}
});
