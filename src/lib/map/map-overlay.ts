import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawWhenStyleReady } from './draw-when-style-ready';

/**
 * What the sidebar's overlays on the region map share (the radius circle, gap hexagons, placement
 * lines, a vacancy search): kept apart from layers.ts, whose layers the view state drives, and drawn
 * again whenever the style is replaced (the basemap fallback swaps styles, dropping added layers).
 */
export abstract class MapOverlay {
	protected readonly map: MapLibreMap;
	readonly #draw = () => this.draw();
	readonly #onStyle = () => this.redraw();

	/** `source`: the GeoJSON source the overlay adds, its layers' data. */
	constructor(
		map: MapLibreMap,
		private readonly source: string
	) {
		this.map = map;
		map.on('styledata', this.#onStyle);
	}

	destroy(): void {
		this.map.off('styledata', this.#onStyle);
	}

	/** Draws what there is now, once the style can take it; nothing is added until there is something. */
	protected redraw(): void {
		if (this.isEmpty() && !this.map.getSource(this.source)) return;
		drawWhenStyleReady(this.map, this.#draw);
	}

	/** True while there is nothing to draw. */
	protected abstract isEmpty(): boolean;

	/** Adds or updates the overlay's source and layers (upsertGeoJsonLayers). */
	protected abstract draw(): void;
}
