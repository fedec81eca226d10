import { cellToBoundary } from 'h3-js';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { drawWhenStyleReady } from './draw-when-style-ready';
import type { Placements } from './feature-properties';
import { placementColours } from './palette';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

const SOURCE = 'placement-focus';
const LINE = 'placement-focus-line';
const CELL = 'placement-focus-cell';
const HOTSPOTS_FILL = 'hotspots-fill';

/**
 * The placement lines from one chosen home area, drawn bold over everything else whether or not the
 * placements layer is on; and clicks on a visible demand hotspot reported as that cell's H3 index.
 */
export class PlacementFocusOverlay {
	readonly #map: MapLibreMap;
	#lines: Placements | null = null;
	#cell: string | null = null;
	readonly #draw = () => this.#upsert();
	readonly #onStyle = () => this.#ensure();
	readonly #onClick: (event: MapMouseEvent) => void;

	constructor(map: MapLibreMap, onCell: (h3: string) => void, isActive: () => boolean) {
		this.#map = map;
		map.on('styledata', this.#onStyle);
		this.#onClick = (event) => {
			// The radius tool owns the click while it waits for its centre.
			if (!isActive() || !map.getLayer(HOTSPOTS_FILL)) return;
			if (map.getLayoutProperty(HOTSPOTS_FILL, 'visibility') === 'none') return;
			const cell = map.queryRenderedFeatures(event.point, { layers: [HOTSPOTS_FILL] })[0];
			if (cell) onCell(String(cell.properties.h3));
		};
		map.on('click', this.#onClick);
	}

	/** The lines to draw, and the hotspot cell they come from (outlined), if a cell was chosen. */
	show(lines: Placements | null, cell: string | null = null): void {
		this.#lines = lines;
		this.#cell = lines ? cell : null;
		this.#ensure();
	}

	destroy(): void {
		this.#map.off('styledata', this.#onStyle);
		this.#map.off('click', this.#onClick);
	}

	#ensure() {
		// Nothing to add until there are lines.
		if (!this.#lines && !this.#map.getSource(SOURCE)) return;
		drawWhenStyleReady(this.#map, this.#draw);
	}

	#upsert() {
		const data: GeoJSON.FeatureCollection = {
			type: 'FeatureCollection',
			features: [...(this.#lines?.features ?? [])]
		};
		if (this.#cell)
			data.features.push({
				type: 'Feature',
				geometry: { type: 'Polygon', coordinates: [cellToBoundary(this.#cell, true)] },
				properties: {}
			});
		upsertGeoJsonLayers(this.#map, SOURCE, data, [
			{
				id: LINE,
				type: 'line',
				filter: ['==', ['geometry-type'], 'LineString'],
				layout: { 'line-cap': 'round', 'line-sort-key': ['case', ['get', 'over20Miles'], 1, 0] },
				paint: {
					'line-color': [
						'case',
						['get', 'over20Miles'],
						placementColours.over20Miles,
						placementColours.outsideLa
					],
					'line-width': 2.5,
					'line-opacity': 0.9
				}
			},
			{
				id: CELL,
				type: 'line',
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'line-color': '#0b0c0c', 'line-width': 3 }
			}
		]);
	}
}
