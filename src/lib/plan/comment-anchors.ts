import { Extension, type Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { readCommentThreads, type CommentThread } from './schema';

/**
 * Comment threads are anchored to the text by Yjs relative positions (encoded, base64): they follow the
 * text they were opened on through everyone's edits, and collapse when that text is deleted.
 */

/** Meta flag of a transaction that only asks the highlights to redraw (the comments map changed). */
export const COMMENTS_CHANGED = 'plan-comments-changed';

interface SyncState {
	doc: Y.Doc;
	type: Y.XmlFragment;
	binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
	const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
	return sync?.binding ? sync : null;
}

/** The selected text as an anchor, or null when nothing is selected. */
export function anchorSelection(
	editor: Editor
): Pick<CommentThread, 'anchorStart' | 'anchorEnd' | 'quote'> | null {
	const { from, to } = editor.state.selection;
	const sync = syncState(editor.state);
	if (from === to || !sync?.binding) return null;
	const encode = (pos: number) =>
		toBase64(
			Y.encodeRelativePosition(
				absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never)
			)
		);
	return {
		anchorStart: encode(from),
		anchorEnd: encode(to),
		quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 280)
	};
}

/** Where a thread's text is now; null when it cannot be found or was deleted. */
export function resolveAnchor(
	state: EditorState,
	thread: Pick<CommentThread, 'anchorStart' | 'anchorEnd'>
): { from: number; to: number } | null {
	const sync = syncState(state);
	if (!sync?.binding || !thread.anchorStart || !thread.anchorEnd) return null;
	try {
		const decode = (value: string) =>
			relativePositionToAbsolutePosition(
				sync.doc,
				sync.type,
				Y.decodeRelativePosition(fromBase64(value)),
				sync.binding!.mapping as never
			);
		const from = decode(thread.anchorStart);
		const to = decode(thread.anchorEnd);
		return from !== null && to !== null && from < to ? { from, to } : null;
	} catch {
		// An anchor another client wrote badly: the thread shows, unanchored.
		return null;
	}
}

/** Highlights the text of every open thread. */
export const CommentHighlights = Extension.create<{ doc: Y.Doc | null }>({
	name: 'commentHighlights',

	addOptions() {
		return { doc: null };
	},

	addProseMirrorPlugins() {
		const doc = this.options.doc;
		return [
			new Plugin({
				key: new PluginKey('commentHighlights'),
				props: {
					decorations(state) {
						if (!doc) return null;
						const decorations = readCommentThreads(doc)
							.filter((thread) => !thread.resolved)
							.flatMap((thread) => {
								const range = resolveAnchor(state, thread);
								return range
									? [
											Decoration.inline(range.from, range.to, {
												class: 'comment-anchor',
												'data-thread': thread.id
											})
										]
									: [];
							});
						return DecorationSet.create(state.doc, decorations);
					}
				}
			})
		];
	}
});
