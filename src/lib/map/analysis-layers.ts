import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '$lib/domain/types';
import { MapOverlay } from './map-overlay';
import { numberMarker, numberMarkerElement } from './number-marker';
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
 * The analysis overlays on the region map: gap hexagons shaded by children affected, the chosen one
 * outlined, and proposed homes as draggable markers.
 */
export class AnalysisLayers extends MapOverlay {
	#gaps: GapCellShape[] = [];
	#selected: string | null = null;
	readonly #markers = new Map<string, Marker>();
	/** While dragged, a marker is where the pointer puts it, not where the last answer said. */
	readonly #dragging = new Set<string>();

	constructor(map: MapLibreMap) {
		super(map, GAPS_SOURCE);
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
		this.redraw();
	}

	/** Shows the chosen cell: the camera moves to it unless it is already in view. */
	focus(cell: GapCellShape): void {
		const lons = cell.ring.map(([lon]) => lon);
		const lats = cell.ring.map(([, lat]) => lat);
		const bounds = this.map.getBounds();
		const centre: LonLat = [
			(Math.min(...lons) + Math.max(...lons)) / 2,
			(Math.min(...lats) + Math.max(...lats)) / 2
		];
		if (!bounds.contains(centre)) this.map.easeTo({ center: centre, duration: 300 });
	}

	/**
	 * Draws the proposed homes, numbered; `draggable` ones report where they were dropped (once, at the
	 * end of the drag: a shared scenario takes one change per move, not one per frame).
	 */
	setProposals(
		homes: ProposedHomeShape[],
		onMove: (id: string, location: LonLat) => void,
		draggable = true
	): void {
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
				const element = numberMarkerElement('proposed-home-marker', index + 1, `Proposed home ${index + 1}`);
				element.dataset.proposal = home.id;
				marker = new Marker({ element, draggable }).setLngLat(home.location).addTo(this.map);
				const moved = marker;
				const report = () => {
					const { lng, lat } = moved.getLngLat();
					onMove(home.id, [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]);
				};
				marker.on('dragstart', () => this.#dragging.add(home.id));
				marker.on('dragend', () => {
					this.#dragging.delete(home.id);
					report();
				});
				this.#markers.set(home.id, marker);
			} else if (!this.#dragging.has(home.id)) {
				marker.setLngLat(home.location);
			}
			marker.setDraggable(draggable);
			numberMarker(marker.getElement(), index + 1, `Proposed home ${index + 1}`);
		});
	}

	destroy(): void {
		super.destroy();
		for (const marker of this.#markers.values()) marker.remove();
		this.#markers.clear();
	}

	protected isEmpty(): boolean {
		return this.#gaps.length === 0;
	}

	protected draw(): void {
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
			this.map,
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
