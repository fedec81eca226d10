import type { Map as MapLibreMap } from 'maplibre-gl';
import { circle } from '@turf/turf';
import { drawWhenStyleReady } from './draw-when-style-ready';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

const SOURCE = 'radius-circle';
const FILL = 'radius-circle-fill';
const LINE = 'radius-circle-line';

/**
 * The radius tool's drawing on the region map: a circle of N miles round the centre clicked (the click
 * itself is MapClickTool's, shared with the other map-click tools). Kept apart from layers.ts (whose
 * layers the view state drives), as analysis-layers.ts is.
 */
export class RadiusOverlay {
	readonly #map: MapLibreMap;
	#circle: { center: [number, number]; miles: number } | null = null;
	readonly #draw = () => this.#upsert();
	readonly #onStyle = () => this.#ensure();

	constructor(map: MapLibreMap) {
		this.#map = map;
		map.on('styledata', this.#onStyle);
	}

	show(center: [number, number], miles: number): void {
		this.#circle = { center, miles };
		this.#ensure();
	}

	clear(): void {
		this.#circle = null;
		this.#ensure();
	}

	destroy(): void {
		this.#map.off('styledata', this.#onStyle);
	}

	#ensure() {
		// Nothing to add until there is a circle.
		if (!this.#circle && !this.#map.getSource(SOURCE)) return;
		drawWhenStyleReady(this.#map, this.#draw);
	}

	#upsert() {
		const data: GeoJSON.FeatureCollection = {
			type: 'FeatureCollection',
			features: this.#circle
				? [circle(this.#circle.center, this.#circle.miles, { units: 'miles', steps: 96 })]
				: []
		};
		upsertGeoJsonLayers(this.#map, SOURCE, data, [
			{ id: FILL, type: 'fill', paint: { 'fill-color': '#1d70b8', 'fill-opacity': 0.08 } },
			{
				id: LINE,
				type: 'line',
				paint: { 'line-color': '#1d70b8', 'line-width': 2, 'line-dasharray': [3, 2] }
			}
		]);
	}
}
