import { cellToBoundary } from 'h3-js';
import { bbox } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Placements } from './feature-properties';
import { MapOverlay } from './map-overlay';
import { placementColours } from './palette';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

const SOURCE = 'placement-focus';
const LINE = 'placement-focus-line';
const CELL = 'placement-focus-cell';

/**
 * The placement lines from one chosen home area, drawn bold over everything else whether or not the
 * placements layer is on. (Clicks on a hotspot cell come from the controller's pick: MapCanvas oncell.)
 */
export class PlacementFocusOverlay extends MapOverlay {
	#lines: Placements | null = null;
	#cell: string | null = null;

	constructor(map: MapLibreMap) {
		super(map, SOURCE);
	}

	/** The lines to draw, and the hotspot cell they come from (outlined), if a cell was chosen. */
	show(lines: Placements | null, cell: string | null = null): void {
		this.#lines = lines;
		this.#cell = lines ? cell : null;
		this.redraw();
	}

	/** Brings the chosen cell and its lines into view (when chosen from the table, off the map). */
	reveal(): void {
		const features = this.#data().features;
		if (features.length === 0) return;
		const [west, south, east, north] = bbox({ type: 'FeatureCollection', features });
		this.map.resize();
		this.map.fitBounds(
			[
				[west, south],
				[east, north]
			],
			{ padding: 48, maxZoom: 11, duration: 300 }
		);
	}

	protected isEmpty(): boolean {
		return !this.#lines;
	}

	protected draw(): void {
		upsertGeoJsonLayers(this.map, SOURCE, this.#data(), [
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

	#data(): GeoJSON.FeatureCollection {
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
		return data;
	}
}
