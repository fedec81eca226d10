import { Node, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Slice } from '@tiptap/pm/model';
import { mapViewAttrs, readMapView, type MapViewSpec } from './map-view-spec';

/**
 * Draws a map view's live map inside the editor (PlanEditor passes one; absent on the server, where the
 * block renders as its attributes only). `update` is called when the attributes change.
 */
export type MapViewRenderer = (
	target: HTMLElement,
	spec: MapViewSpec,
	/** What an editor may do with this block; null where the reader cannot edit. */
	controls: MapViewControls | null
) => { update(spec: MapViewSpec): void; destroy(): void };

export interface MapViewControls {
	/** Opens the map view dialog on this block. */
	edit(): void;
	/** Rewrites this block (a checked spec: checkMapViewForm), as one undoable change. */
	apply(next: MapViewSpec): void;
}

export interface MapViewOptions {
	render: MapViewRenderer | null;
	/**
	 * Called, before the change reaches the shared document, when this editor inserts a map view: the
	 * document must then say it needs schema version 2 (schema.ts), so that an older editor stops instead
	 * of deleting a node it does not know.
	 */
	onInsert: (() => void) | null;
	/** Asks for a changed spec (the dialog) and gives it to `apply`, which rewrites this block. */
	onEdit: ((spec: MapViewSpec, apply: (next: MapViewSpec) => void) => void) | null;
}

declare module '@tiptap/core' {
	interface Commands<ReturnType> {
		mapView: {
			insertMapView: (spec: MapViewSpec) => ReturnType;
		};
	}
}

export const MAP_VIEW_NODE = 'mapView';

function sliceHasMapView(slice: Slice | undefined): boolean {
	let found = false;
	slice?.content.descendants((node) => {
		if (node.type.name === MAP_VIEW_NODE) found = true;
		return !found;
	});
	return found;
}

/** Whether any of these transactions puts a map view into the document (typed, pasted or restored). */
export function insertsMapView(transactions: readonly Transaction[]): boolean {
	return transactions.some(
		(tr) => tr.docChanged && tr.steps.some((step) => sliceHasMapView((step as { slice?: Slice }).slice))
	);
}

/**
 * A block showing a live map of the region (chosen layers, fitted to an extent) with its legend and
 * caption. The document stores only what to show (map-view-spec.ts), never data: each reader's map draws
 * the data as that reader may see it, and publishing freezes it into a static image (map-view-svg.ts).
 */
export const MapView = Node.create<MapViewOptions>({
	name: MAP_VIEW_NODE,
	group: 'block',
	atom: true,
	selectable: true,
	draggable: false,

	addOptions() {
		return { render: null, onInsert: null, onEdit: null };
	},

	addAttributes() {
		const fromHtml = (element: HTMLElement) =>
			mapViewAttrs(
				readMapView({
					layers: element.getAttribute('data-layers'),
					extent: element.getAttribute('data-extent'),
					caption: element.getAttribute('data-caption')
				})
			);
		return {
			layers: { default: 'boundaries,homes', parseHTML: (element) => fromHtml(element).layers },
			extent: { default: 'region', parseHTML: (element) => fromHtml(element).extent },
			caption: { default: '', parseHTML: (element) => fromHtml(element).caption }
		};
	},

	parseHTML() {
		return [{ tag: 'figure[data-map-view]' }];
	},

	renderHTML({ node, HTMLAttributes }) {
		const attrs = mapViewAttrs(readMapView(node.attrs));
		return [
			'figure',
			mergeAttributes(
				{
					'data-map-view': '',
					'data-layers': attrs.layers,
					'data-extent': attrs.extent,
					'data-caption': attrs.caption,
					class: 'map-view'
				},
				{ ...HTMLAttributes, layers: undefined, extent: undefined, caption: undefined }
			),
			attrs.caption || 'Map view'
		];
	},

	addCommands() {
		return {
			insertMapView:
				(spec) =>
				({ commands }) =>
					commands.insertContent({ type: this.name, attrs: mapViewAttrs(spec) })
		};
	},

	addProseMirrorPlugins() {
		const onInsert = this.options.onInsert;
		if (!onInsert) return [];
		// Any way a map view comes in (the dialog, paste, restoring a version) passes here, before the
		// collaboration plugin writes the change to Yjs (it does so when the view updates, after this).
		return [
			new Plugin({
				key: new PluginKey('mapViewInsert'),
				appendTransaction(transactions) {
					const inserted = transactions.some(
						(tr) =>
							tr.docChanged && tr.steps.some((step) => sliceHasMapView((step as { slice?: Slice }).slice))
					);
					if (inserted) onInsert();
					return null;
				}
			})
		];
	},

	addNodeView() {
		const { render, onEdit } = this.options;
		return ({ node, editor, getPos }) => {
			// A plain block: the figure and its caption are the renderer's (MapViewBlock.svelte).
			const dom = document.createElement('div');
			dom.className = 'map-view';
			dom.dataset.mapView = '';
			dom.contentEditable = 'false';
			let spec = readMapView(node.attrs);
			/**
			 * `focus`: after the dialog, back into the text with this block selected (so the editor scrolls to
			 * it, not to wherever the caret was); not from the block's own buttons, which keep the focus.
			 */
			const apply = (next: MapViewSpec, focus = true) => {
				const pos = getPos();
				if (typeof pos !== 'number' || !editor.isEditable) return;
				const chain = editor.chain().command(({ tr }) => {
					tr.setNodeMarkup(pos, undefined, mapViewAttrs(next));
					return true;
				});
				(focus ? chain.setNodeSelection(pos).focus() : chain).run();
			};
			const controls =
				onEdit && editor.isEditable
					? { edit: () => onEdit(spec, apply), apply: (next: MapViewSpec) => apply(next, false) }
					: null;
			const drawn = render?.(dom, spec, controls) ?? null;
			if (!drawn) dom.textContent = spec.caption || 'Map view';
			return {
				dom,
				update(next) {
					if (next.type.name !== MAP_VIEW_NODE) return false;
					const nextSpec = readMapView(next.attrs);
					if (JSON.stringify(nextSpec) !== JSON.stringify(spec)) {
						spec = nextSpec;
						drawn?.update(spec);
					}
					return true;
				},
				// The map and the links handle their own pointer and keyboard events (pan, zoom, follow): the
				// editor must not turn them into selections or drags. A click anywhere else selects the block.
				stopEvent: (event) => {
					const target = event.target;
					return (
						target instanceof Element && dom.contains(target) && !!target.closest('.map-view__map, a, button')
					);
				},
				// MapLibre and the legend change their own DOM: none of it is document content.
				ignoreMutation: () => true,
				destroy: () => drawn?.destroy()
			};
		};
	}
});
