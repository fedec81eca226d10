/**
 * The one owner of the MapLibre map. Pages hand it a MapViewState; it applies only what changed since
 * the last state (data, layer visibility, selection, mode) and reports clicks and its status back.
 */
import {
	AttributionControl,
	Map as MapLibreMap,
	NavigationControl,
	prewarm,
	ScaleControl,
	type GeoJSONSource,
	type LngLatBoundsLike,
	type PointLike,
	type StyleSpecification
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './worker-url';
import { bbox } from '@turf/turf';
import { attributions } from './attribution';
import { getHexagonAreaAvg, getResolution } from 'h3-js';
import { classBreaks } from './class-breaks';
import { placementFlows } from './placement-flows';
import { featureIndex, type FeatureIndex } from './feature-index';
import type { MapData } from './feature-properties';
import { labelPoints } from './label-points';
import {
	clickableStyleLayerIds,
	layerIds,
	mapLayers,
	styleLayers,
	type LayerId,
	FOSTERING_BREAKS,
	type SourceId,
	type StyleContext
} from './layers';
import { modes, type Picked, type PointerContext } from './modes';
import { chrome } from './palette';
import { presentationOverrides } from './presentation-style';
import { mapChanges, type MapChange, type MapViewState, type Selection } from './view-state';

export type MapStatus = 'loading' | 'rendering' | 'idle' | 'error';

// Start MapLibre's worker as soon as this module loads in a browser, while the map data is on its way.
if (typeof window !== 'undefined') prewarm();

export interface MapControllerOptions {
	container: HTMLElement;
	/** A MapLibre style URL to draw under the data (PUBLIC_BASEMAP_STYLE); null draws our own base. */
	basemapStyle: string | null;
	onSelect(selection: Selection): void;
	/**
	 * A click on a visible demand hotspot cell, which then wins over the LA beneath it; without this,
	 * cells are not clickable and the click chooses the LA.
	 */
	onCell?(h3: string): void;
	onStatus(status: MapStatus, detail?: string): void;
	onStyleContext?(context: StyleContext): void;
	/**
	 * Whether setting data fits the camera to the member LAs (the default). A plan's map view fits itself
	 * and, when its data is re-read, must leave the camera where the reader moved it.
	 */
	fitToData?: boolean;
}

/** England, so the first frame shows something sensible before the region's data arrives. */
const englandBounds: LngLatBoundsLike = [
	[-6.4, 49.9],
	[1.8, 55.8]
];

/** Drawn in the browser from the local system font: no glyph server and no internet needed. */
const localLabelFont = ['system-ui', 'Arial', 'sans-serif'];

const sourceIds: SourceId[] = [
	'regions',
	'boundaries',
	'la-labels',
	'homes',
	'hotspots',
	'placements',
	'placement-flows'
];

const ownBaseStyle: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': chrome.sea } }]
};

export class MapController {
	readonly #map: MapLibreMap;
	readonly #options: MapControllerOptions;
	#applied: MapViewState | null = null;
	#pending: MapViewState | null = null;
	#styleReady = false;
	#hasData = false;
	#index: FeatureIndex | null = null;
	#context: StyleContext = { fosteringBreaks: [], hotspotBreaks: [], labelFont: localLabelFont };
	#cursor = '';
	#frames = 0;
	#usingBasemap: boolean;
	#presentation = false;

	constructor(options: MapControllerOptions) {
		this.#options = options;
		this.#usingBasemap = options.basemapStyle !== null;
		const map = new MapLibreMap({
			container: options.container,
			style: options.basemapStyle ?? ownBaseStyle,
			bounds: englandBounds,
			attributionControl: false,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false,
			keyboard: true,
			// Software WebGL (headless, some virtual desktops) pays for every frame: no label fade-in.
			fadeDuration: 0
		});
		map.on('render', () => this.#frames++);
		map.touchZoomRotate.disableRotation();
		map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		map.addControl(new ScaleControl({ unit: 'imperial' }), 'bottom-left');
		map.addControl(
			new AttributionControl({ compact: true, customAttribution: attributions }),
			'bottom-right'
		);
		map.once('load', () => this.#onStyleLoaded());
		map.on('idle', () => {
			if (!this.#hasData) return;
			performance.mark('map:idle');
			options.onStatus('idle');
		});
		map.on('error', (event) => {
			if (!this.#styleReady && this.#usingBasemap) {
				// The basemap is someone else's server: without it, draw our own base rather than nothing.
				this.#usingBasemap = false;
				map.setStyle(ownBaseStyle);
				return;
			}
			options.onStatus('error', event.error?.message ?? 'The map could not draw');
		});
		map.on('click', (event) => modes[this.#mode].click(this.#pointer(event.point)));
		map.on('mousemove', (event) => modes[this.#mode].move(this.#pointer(event.point)));
		this.#map = map;
		// Marks for the benchmark and for anyone profiling: where the time to a drawn map goes.
		performance.mark('map:created');
		options.onStatus('loading');
	}

	/** The MapLibre map, for overlays kept outside the view state (analysis-layers.ts). */
	get map(): MapLibreMap {
		return this.#map;
	}

	get #mode() {
		return this.#applied?.mode ?? 'inactive';
	}

	/** Brings the map to `next`, touching only what differs from the state applied last. */
	apply(next: MapViewState): void {
		if (!this.#styleReady) {
			this.#pending = next;
			return;
		}
		const changes = mapChanges(this.#applied, next);
		this.#applied = next;
		if (changes.length === 0) return;
		for (const change of changes) this.#applyChange(change);
		if (this.#hasData) this.#options.onStatus('rendering');
		this.#map.triggerRepaint();
	}

	/** Distinct features drawn per toggle, as the test hook and the benchmark count them. */
	renderedFeatureCounts(): Record<LayerId, number> {
		const counts = {} as Record<LayerId, number>;
		for (const id of layerIds) {
			const layers = mapLayers[id].countedStyleLayerIds.filter((layer) => this.#map.getLayer(layer));
			const features = layers.length ? this.#map.queryRenderedFeatures({ layers }) : [];
			counts[id] = new Set(features.map((feature) => feature.id ?? JSON.stringify(feature.properties))).size;
		}
		return counts;
	}

	/** Frames drawn so far: each one costs real time on software WebGL. */
	get frames(): number {
		return this.#frames;
	}

	/** Names of the LAs whose labels were placed (MapLibre drops labels that would overlap). */
	renderedLabels(): string[] {
		if (!this.#map.getLayer('la-labels')) return [];
		return this.#map
			.queryRenderedFeatures({ layers: ['la-labels'] })
			.map((feature) => String(feature.properties.name));
	}

	/** Where a home or an LA's label point is on screen, in pixels from the map's top left corner. */
	screenPoint(selection: Selection): { x: number; y: number } | null {
		const data = this.#applied?.data;
		if (!data || !selection) return null;
		let lonLat: [number, number] | undefined;
		if (selection.kind === 'home') {
			const home = data.homes.features.find((feature) => feature.properties.urn === selection.urn);
			lonLat = home?.geometry.coordinates as [number, number] | undefined;
		} else {
			const la = data.boundaries.features.find((feature) => feature.properties.code === selection.code);
			if (la) lonLat = [la.properties.labelLon, la.properties.labelLat];
		}
		if (!lonLat) return null;
		const { x, y } = this.#map.project(lonLat);
		return { x, y };
	}

	zoomToSelection(selection: Selection): void {
		const data = this.#applied?.data;
		if (!data || !selection) return;
		// The details panel may have just narrowed the map: measure it now, not at the next resize event.
		this.#map.resize();
		if (selection.kind === 'home') {
			const home = data.homes.features.find((feature) => feature.properties.urn === selection.urn);
			if (home)
				this.#map.easeTo({
					center: home.geometry.coordinates as [number, number],
					zoom: Math.max(this.#map.getZoom(), 10)
				});
		} else {
			const la = data.boundaries.features.find((feature) => feature.properties.code === selection.code);
			if (la) this.#map.fitBounds(bbox(la) as [number, number, number, number], { padding: 40, maxZoom: 11 });
		}
	}

	/** Moves the camera to a box ([west, south, east, north]), e.g. a gap cell a link points at. */
	fitTo(bounds: [number, number, number, number], maxZoom = 9): void {
		this.#map.resize();
		this.#map.fitBounds(bounds, { padding: 80, maxZoom });
	}

	/** Presentation mode's high-contrast style (presentation-style.ts), or back to the usual one. */
	setPresentation(on: boolean): void {
		this.#presentation = on;
		if (this.#styleReady) this.#applyPresentation();
	}

	destroy(): void {
		this.#map.remove();
	}

	#applyPresentation() {
		const usual = new Map(styleLayers(this.#context).map(({ spec }) => [spec.id, spec]));
		for (const { layer, kind, property, value } of presentationOverrides) {
			if (!this.#map.getLayer(layer)) continue;
			const spec = usual.get(layer) as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
			const next = this.#presentation ? value : spec?.[kind]?.[property];
			if (kind === 'paint')
				this.#map.setPaintProperty(
					layer,
					property as Parameters<MapLibreMap['setPaintProperty']>[1],
					next as Parameters<MapLibreMap['setPaintProperty']>[2]
				);
			else
				this.#map.setLayoutProperty(
					layer,
					property as Parameters<MapLibreMap['setLayoutProperty']>[1],
					next as Parameters<MapLibreMap['setLayoutProperty']>[2]
				);
		}
	}

	#onStyleLoaded() {
		// Compact attribution starts open and would cover a small map: start it folded (one click opens it).
		this.#map
			.getContainer()
			.querySelector('.maplibregl-ctrl-attrib')
			?.classList.remove('maplibregl-compact-show');
		const basemap = this.#usingBasemap;
		if (basemap)
			this.#context = { ...this.#context, labelFont: basemapFont(this.#map) ?? ['Noto Sans Regular'] };
		for (const id of sourceIds)
			this.#map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
		for (const { owner, spec } of styleLayers(this.#context)) {
			// A real basemap brings its own land and coast.
			if (basemap && spec.id.startsWith('regions-')) continue;
			const visible = owner === 'base' || mapLayers[owner].defaultVisible;
			this.#map.addLayer({
				...spec,
				layout: { ...spec.layout, visibility: visible ? 'visible' : 'none' }
			} as typeof spec);
		}
		this.#styleReady = true;
		if (this.#presentation) this.#applyPresentation();
		performance.mark('map:style-loaded');
		if (this.#pending) {
			const pending = this.#pending;
			this.#pending = null;
			this.apply(pending);
		}
	}

	#applyChange(change: MapChange) {
		switch (change.type) {
			case 'data':
				return this.#setData(change.data);
			case 'visibility':
				for (const layer of mapLayers[change.layer].styleLayerIds) {
					if (this.#map.getLayer(layer)) {
						this.#map.setLayoutProperty(layer, 'visibility', change.visible ? 'visible' : 'none');
					}
				}
				return;
			case 'selection':
				this.#setSelected(change.from, false);
				this.#setSelected(change.to, true);
				return;
			case 'mode':
				this.#setCursor('');
				return;
		}
	}

	#setData(data: MapData) {
		const first = !this.#hasData;
		this.#source('regions').setData(data.regions);
		this.#source('boundaries').setData(data.boundaries);
		this.#source('la-labels').setData(labelPoints(data.boundaries));
		this.#source('homes').setData(data.homes);
		this.#source('hotspots').setData(data.hotspots);
		this.#source('placements').setData(data.placements);
		this.#source('placement-flows').setData(placementFlows(data.placements, data.boundaries));
		this.#index = featureIndex(data);
		this.#context = {
			...this.#context,
			fosteringBreaks: FOSTERING_BREAKS,
			hotspotBreaks: classBreaks(
				data.hotspots.features.map((f) => f.properties.children),
				4
			),
			hotspotCellKm2: data.hotspots.features.length
				? getHexagonAreaAvg(getResolution(data.hotspots.features[0].properties.h3), 'km2')
				: undefined,
			homesPerLa: data.boundaries.features.some((f) => f.properties.homePlaces != null)
				? data.boundaries.features.reduce(
						(sum, f) => ({
							homes: sum.homes + (f.properties.homes ?? 0),
							places: sum.places + (f.properties.homePlaces ?? 0)
						}),
						{ homes: 0, places: 0 }
					)
				: undefined
		};
		for (const { spec } of styleLayers(this.#context)) {
			if (spec.type === 'fill' && ['fostering-fill', 'hotspots-fill'].includes(spec.id)) {
				this.#map.setPaintProperty(spec.id, 'fill-color', spec.paint?.['fill-color']);
			}
		}
		this.#options.onStyleContext?.(this.#context);
		const members = data.boundaries.features.filter((feature) => feature.properties.member);
		if (members.length && this.#options.fitToData !== false) {
			const [west, south, east, north] = bbox({ type: 'FeatureCollection', features: members });
			this.#map.fitBounds(
				[
					[west, south],
					[east, north]
				],
				{ padding: 32, duration: first ? 0 : 400 }
			);
		}
		this.#hasData = true;
		performance.mark('map:data-set');
	}

	#source(id: SourceId): GeoJSONSource {
		return this.#map.getSource(id) as GeoJSONSource;
	}

	#setSelected(selection: Selection, selected: boolean) {
		const ref = this.#index?.find(selection);
		if (ref) this.#map.setFeatureState(ref, { selected });
	}

	#setCursor(cursor: string) {
		if (cursor === this.#cursor) return;
		this.#cursor = cursor;
		this.#map.getCanvas().style.cursor = cursor;
	}

	#pointer(point: PointLike): PointerContext {
		return {
			pick: () => this.#pick(point),
			select: (picked) => {
				if (picked?.kind === 'cell') this.#options.onCell?.(picked.h3);
				else this.#options.onSelect(picked);
			},
			setCursor: (cursor) => this.#setCursor(cursor)
		};
	}

	/** Homes, then hotspot cells, then LAs: the order they are drawn in, smaller targets on top. */
	#pick(point: PointLike): Picked {
		const topmost = (ids: readonly string[]) => {
			const layers = ids.filter(
				(id) => this.#map.getLayer(id) && this.#map.getLayoutProperty(id, 'visibility') !== 'none'
			);
			return layers.length ? this.#map.queryRenderedFeatures(point, { layers })[0] : undefined;
		};
		const home = topmost(clickableStyleLayerIds.home);
		if (home) return { kind: 'home', urn: String(home.properties.urn) };
		const cell = this.#options.onCell ? topmost(clickableStyleLayerIds.cell) : undefined;
		if (cell) return { kind: 'cell', h3: String(cell.properties.h3) };
		const la = topmost(clickableStyleLayerIds.la);
		if (la) return { kind: 'la', code: String(la.properties.code) };
		return null;
	}
}

/** The font stack of the basemap's first label layer, which its glyph server is sure to serve. */
function basemapFont(map: MapLibreMap): string[] | null {
	for (const layer of map.getStyle().layers ?? []) {
		if (layer.type !== 'symbol') continue;
		const font = layer.layout?.['text-font'];
		if (Array.isArray(font) && font.every((entry) => typeof entry === 'string')) return font as string[];
	}
	return null;
}
