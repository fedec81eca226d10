import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
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
	const decorations = [...shown].flatMap(([index, guidance]) => [
		Decoration.widget(offsets[index], (view, getPos) => guidanceElement(view, getPos, guidance), {
			side: -1,
			ignoreSelection: true,
			key: `guidance:${guidance}`
		}),
		Decoration.node(offsets[index], offsets[index] + blocks[index].nodeSize, { class: 'section-placeholder' })
	]);
	return DecorationSet.create(doc, decorations);
}

/** The prompt above the paragraph it is for; pressing it puts the caret in that paragraph. */
function guidanceElement(view: EditorView, getPos: () => number | undefined, guidance: string): HTMLElement {
	const element = document.createElement('div');
	element.className = 'section-guidance';
	element.contentEditable = 'false';
	element.textContent = guidance;
	element.addEventListener('mousedown', (event) => {
		const pos = getPos();
		if (pos === undefined) return;
		event.preventDefault();
		view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + 1)));
		view.focus();
	});
	return element;
}

/**
 * The template's prompt for each section (template.ts SECTION_GUIDANCE), shown as a hint above the
 * section's first empty paragraph: a decoration, so it is never part of the document, typing does not
 * inherit its style, and it goes when the paragraph has text. Recomputed on every change of the text:
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
