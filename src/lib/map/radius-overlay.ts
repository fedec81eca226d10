import type { Map as MapLibreMap } from 'maplibre-gl';
import { circle } from '@turf/turf';
import { MapOverlay } from './map-overlay';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

const SOURCE = 'radius-circle';
const FILL = 'radius-circle-fill';
const LINE = 'radius-circle-line';

/**
 * The radius tool's drawing on the region map: a circle of N miles round the centre clicked (the click
 * itself is MapClickTool's, shared with the other map-click tools).
 */
export class RadiusOverlay extends MapOverlay {
	#circle: { center: [number, number]; miles: number } | null = null;

	constructor(map: MapLibreMap) {
		super(map, SOURCE);
	}

	show(center: [number, number], miles: number): void {
		this.#circle = { center, miles };
		this.redraw();
	}

	clear(): void {
		this.#circle = null;
		this.redraw();
	}

	protected isEmpty(): boolean {
		return !this.#circle;
	}

	protected draw(): void {
		const data: GeoJSON.FeatureCollection = {
			type: 'FeatureCollection',
			features: this.#circle
				? [circle(this.#circle.center, this.#circle.miles, { units: 'miles', steps: 96 })]
				: []
		};
		upsertGeoJsonLayers(this.map, SOURCE, data, [
			{ id: FILL, type: 'fill', paint: { 'fill-color': '#1d70b8', 'fill-opacity': 0.08 } },
			{
				id: LINE,
				type: 'line',
				paint: { 'line-color': '#1d70b8', 'line-width': 2, 'line-dasharray': [3, 2] }
			}
		]);
	}
}
