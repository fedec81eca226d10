import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '$lib/domain/types';
import { drawWhenStyleReady } from './draw-when-style-ready';
import { upsertGeoJsonLayers } from './upsert-geojson-layers';

declare global {
	interface Window {
		closeToHomeAnalysis?: { renderedGapCells: () => number };
	}
}

export interface GapCellShape {
	cell: string;
	rank: number;
	children: number;
	ring: LonLat[];
}

export interface ProposedHomeShape {
	id: string;
	location: LonLat;
}

const GAPS_SOURCE = 'analysis-gaps';
const GAPS_FILL = 'analysis-gaps-fill';
const GAPS_LINE = 'analysis-gaps-line';

/**
 * The analysis overlays on the region map, kept apart from layers.ts (whose layers the view state
 * drives): gap hexagons shaded by children affected, the chosen one outlined, and proposed homes as
 * draggable markers. Re-added if the style is replaced (the basemap fallback swaps styles).
 */
export class AnalysisLayers {
	readonly #map: MapLibreMap;
	#gaps: GapCellShape[] = [];
	#selected: string | null = null;
	readonly #markers = new Map<string, Marker>();
	/** While dragged, a marker is where the pointer puts it, not where the last answer said. */
	readonly #dragging = new Set<string>();
	readonly #draw = () => this.#upsert();
	readonly #onStyle = () => this.#ensure();

	constructor(map: MapLibreMap) {
		this.#map = map;
		map.on('styledata', this.#onStyle);
		// For browser tests: what the map actually draws (as window.closeToHomeMap does for layers.ts).
		if (typeof window !== 'undefined')
			window.closeToHomeAnalysis = {
				renderedGapCells: () =>
					map.getLayer(GAPS_FILL) ? map.queryRenderedFeatures({ layers: [GAPS_FILL] }).length : 0
			};
	}

	setGaps(cells: GapCellShape[], selected: string | null): void {
		this.#gaps = cells;
		this.#selected = selected;
		this.#ensure();
	}

	/** Shows the chosen cell: the camera moves to it unless it is already in view. */
	focus(cell: GapCellShape): void {
		const lons = cell.ring.map(([lon]) => lon);
		const lats = cell.ring.map(([, lat]) => lat);
		const bounds = this.#map.getBounds();
		const centre: LonLat = [
			(Math.min(...lons) + Math.max(...lons)) / 2,
			(Math.min(...lats) + Math.max(...lats)) / 2
		];
		if (!bounds.contains(centre)) this.#map.easeTo({ center: centre, duration: 300 });
	}

	setProposals(homes: ProposedHomeShape[], onMove: (id: string, location: LonLat) => void): void {
		const wanted = new Set(homes.map((home) => home.id));
		for (const [id, marker] of this.#markers) {
			if (!wanted.has(id)) {
				marker.remove();
				this.#markers.delete(id);
			}
		}
		homes.forEach((home, index) => {
			let marker = this.#markers.get(home.id);
			if (!marker) {
				const element = document.createElement('div');
				element.className = 'proposed-home-marker';
				element.setAttribute('role', 'img');
				element.dataset.proposal = home.id;
				marker = new Marker({ element, draggable: true }).setLngLat(home.location).addTo(this.#map);
				const moved = marker;
				const report = () => {
					const { lng, lat } = moved.getLngLat();
					onMove(home.id, [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]);
				};
				marker.on('dragstart', () => this.#dragging.add(home.id));
				marker.on('drag', report);
				marker.on('dragend', () => {
					this.#dragging.delete(home.id);
					report();
				});
				this.#markers.set(home.id, marker);
			} else if (!this.#dragging.has(home.id)) {
				marker.setLngLat(home.location);
			}
			const element = marker.getElement();
			element.textContent = String(index + 1);
			element.setAttribute('aria-label', `Proposed home ${index + 1}`);
		});
	}

	destroy(): void {
		this.#map.off('styledata', this.#onStyle);
		for (const marker of this.#markers.values()) marker.remove();
		this.#markers.clear();
	}

	#ensure(): void {
		drawWhenStyleReady(this.#map, this.#draw);
	}

	#upsert(): void {
		const max = Math.max(5, ...this.#gaps.map((cell) => cell.children));
		const data = {
			type: 'FeatureCollection' as const,
			features: this.#gaps.map((cell) => ({
				type: 'Feature' as const,
				properties: {
					cell: cell.cell,
					rank: cell.rank,
					share: cell.children / max,
					selected: cell.cell === this.#selected
				},
				geometry: { type: 'Polygon' as const, coordinates: [cell.ring] }
			}))
		};
		upsertGeoJsonLayers(
			this.#map,
			GAPS_SOURCE,
			data,
			[
				{
					id: GAPS_FILL,
					type: 'fill',
					paint: {
						'fill-color': '#942514',
						'fill-opacity': ['interpolate', ['linear'], ['get', 'share'], 0, 0.15, 1, 0.5]
					}
				},
				{
					id: GAPS_LINE,
					type: 'line',
					paint: {
						'line-color': ['case', ['get', 'selected'], '#ffdd00', '#5c1509'],
						'line-width': ['case', ['get', 'selected'], 4, 1]
					}
				}
			],
			{ keepOnTop: true }
		);
	}
}
