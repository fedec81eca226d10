import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { LiveFigure, type FigureSource } from './live-figure';
import { MapView, type MapViewOptions } from './map-view';

/**
 * The rich-text schema of a plan's `body`, shared by the editor and the server (template, publishing).
 * Adding a node or changing node or mark names changes the document format: bump PLAN_SCHEMA_VERSION
 * and say what an older editor must not do (schema.ts).
 * StarterKit's own undo history is off: with collaboration, undo is Yjs's (own changes only).
 */
export function planExtensions(
	options: { figures?: FigureSource | null; mapViews?: Partial<MapViewOptions> } = {}
): AnyExtension[] {
	return [
		StarterKit.configure({
			undoRedo: false,
			link: { openOnClick: false, autolink: true, defaultProtocol: 'https' }
		}),
		TableKit.configure({ table: { resizable: false } }),
		LiveFigure.configure({ source: options.figures ?? null }),
		MapView.configure({ render: null, onInsert: null, onEdit: null, ...options.mapViews })
	];
}
