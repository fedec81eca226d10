import type { Map as MapLibreMap } from 'maplibre-gl';
import { AnalysisLayers } from '$lib/map/analysis-layers';
import type { MapClickTool } from '$lib/map/map-click-tool.svelte';
import { PlacementFocusOverlay } from '$lib/map/placement-focus-overlay';
import { RadiusOverlay } from '$lib/map/radius-overlay';
import { VacancySearchOverlay } from '$lib/map/vacancy-search-overlay';

/** The tools' drawings on the map, each made once the map exists (null before). */
export class MapOverlays {
	vacancy = $state<VacancySearchOverlay | null>(null);
	analysis = $state<AnalysisLayers | null>(null);
	radius = $state<RadiusOverlay | null>(null);
	focus = $state<PlacementFocusOverlay | null>(null);
	/** The map itself, for features that add overlays of their own (the workshop's notes). */
	map = $state.raw<MapLibreMap | null>(null);

	attach(map: MapLibreMap, mapClick: MapClickTool): void {
		this.map = map;
		this.vacancy = new VacancySearchOverlay(map);
		this.analysis = new AnalysisLayers(map);
		this.radius = new RadiusOverlay(map);
		this.focus = new PlacementFocusOverlay(map);
		mapClick.attach(map);
	}
}
