import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { VacanciesForChild } from '$lib/analysis-worker/protocol';
import { MapOverlay } from './map-overlay';
import { numberMarkerElement } from './number-marker';
import { placementColours } from './palette';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';
import { vacancySearchShapes } from './vacancy-search-features';

declare global {
	interface Window {
		/** For browser tests: what the nearest-vacancy overlay actually draws. */
		closeToHomeVacancySearch?: { renderedRoles: () => string[] };
	}
}

const SOURCE = 'vacancy-search';
const AREA_FILL = 'vacancy-search-area-fill';
const AREA_LINE = 'vacancy-search-area-line';
const PLACEMENT_LINE = 'vacancy-search-placement-line';
const POINTS = 'vacancy-search-points';
const LAYERS = [AREA_FILL, AREA_LINE, PLACEMENT_LINE, POINTS];

/**
 * One child's nearest-vacancy search on the region map: the search circle round their home area, the
 * line to where they are placed now, and the suitable vacancies as numbered markers (the numbers of
 * the panel's list). Drawn over everything, whatever layers are on; the camera takes in the circle and
 * the placement.
 */
export class VacancySearchOverlay extends MapOverlay {
	#found: VacanciesForChild | null = null;
	#markers: Marker[] = [];

	constructor(map: MapLibreMap) {
		super(map, SOURCE);
		if (typeof window !== 'undefined')
			window.closeToHomeVacancySearch = {
				renderedRoles: () =>
					map.getLayer(POINTS)
						? map
								.queryRenderedFeatures({ layers: LAYERS.filter((id) => map.getLayer(id)) })
								.map((feature) => String(feature.properties.role))
						: []
			};
	}

	/** The search to draw (null clears it); `labels` are the candidates' names, in order. */
	show(found: VacanciesForChild | null, labels: string[] = []): void {
		this.#found = found;
		for (const marker of this.#markers) marker.remove();
		this.#markers = (found?.candidates ?? []).map((candidate, index) => {
			const element = numberMarkerElement(
				'vacancy-candidate-marker',
				index + 1,
				`Vacancy ${index + 1}: ${labels[index] ?? candidate.kind}`
			);
			return new Marker({ element }).setLngLat(candidate.location).addTo(this.map);
		});
		// The home area as a marker too, added last so that it stays above candidates close to home.
		if (found) {
			const element = document.createElement('div');
			element.className = 'vacancy-home-marker';
			element.setAttribute('role', 'img');
			element.setAttribute('aria-label', "The child's home area");
			this.#markers.push(new Marker({ element }).setLngLat(found.child.home).addTo(this.map));
		}
		this.redraw();
		if (found)
			this.map.fitBounds(vacancySearchShapes(found).bounds, { padding: 48, maxZoom: 12, duration: 300 });
	}

	destroy(): void {
		super.destroy();
		for (const marker of this.#markers) marker.remove();
		this.#markers = [];
		delete window.closeToHomeVacancySearch;
	}

	protected isEmpty(): boolean {
		return !this.#found;
	}

	protected draw(): void {
		const data = this.#found
			? vacancySearchShapes(this.#found).features
			: { type: 'FeatureCollection' as const, features: [] };
		upsertGeoJsonLayers(
			this.map,
			SOURCE,
			data,
			[
				{
					id: AREA_FILL,
					type: 'fill',
					filter: ['==', ['get', 'role'], 'search-area'],
					paint: { 'fill-color': '#00703c', 'fill-opacity': 0.08 }
				},
				{
					id: AREA_LINE,
					type: 'line',
					filter: ['==', ['get', 'role'], 'search-area'],
					paint: { 'line-color': '#00703c', 'line-width': 2, 'line-dasharray': [3, 2] }
				},
				{
					id: PLACEMENT_LINE,
					type: 'line',
					filter: ['==', ['get', 'role'], 'placement-line'],
					layout: { 'line-cap': 'round' },
					paint: { 'line-color': placementColours.over20Miles, 'line-width': 3, 'line-opacity': 0.9 }
				},
				{
					id: POINTS,
					type: 'circle',
					filter: ['==', ['geometry-type'], 'Point'],
					paint: {
						'circle-radius': ['case', ['==', ['get', 'role'], 'home'], 7, 5],
						'circle-color': [
							'case',
							['==', ['get', 'role'], 'home'],
							'#ffffff',
							placementColours.over20Miles
						],
						'circle-stroke-color': '#0b0c0c',
						'circle-stroke-width': ['case', ['==', ['get', 'role'], 'home'], 3, 1.5]
					}
				}
			],
			{ keepOnTop: true }
		);
	}
}
