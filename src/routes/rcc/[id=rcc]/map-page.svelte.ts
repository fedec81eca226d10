import type { AreaSummary } from '$lib/domain/types';
import type { MapStatus } from '$lib/map/controller';
import type { MapData } from '$lib/map/feature-properties';
import { emptyStyleContext, layerIds, mapLayers, type LayerId, type StyleContext } from '$lib/map/layers';
import { loadMapData, type LoadedMapData } from '$lib/map/load-map-data';
import type { MapViewState, Selection } from '$lib/map/view-state';

export type View = 'map' | 'table';

/** The map page's state: what is shown, what is picked, and how loading went. */
export class MapPage {
	visible = $state(
		Object.fromEntries(layerIds.map((id) => [id, mapLayers[id].defaultVisible])) as Record<LayerId, boolean>
	);
	selection = $state<Selection>(null);
	view = $state<View>('map');
	/** Raw: thousands of features must not become deep proxies. */
	data = $state.raw<MapData | null>(null);
	restricted = $state.raw<LayerId[]>([]);
	loadError = $state<string | null>(null);
	mapStatus = $state<MapStatus>('loading');
	mapError = $state<string | null>(null);
	styleContext = $state.raw<StyleContext>(emptyStyleContext);

	/** A fresh plain object each time, so the map controller can compare it with the last one. */
	viewState: MapViewState = $derived({
		data: this.data,
		visible: { ...this.visible },
		selection: this.selection ? { ...this.selection } : null,
		mode: this.data ? 'browse' : 'inactive'
	});

	loading = $derived(this.data === null && this.loadError === null);

	/** Layers with nothing to draw for this user (refused by the API, or nothing they may see). */
	empty: Record<LayerId, boolean> = $derived.by(() => {
		const data = this.data;
		const none = (count: number) => data !== null && count === 0;
		return {
			boundaries: none(data?.boundaries.features.length ?? 0),
			fostering: none(
				data?.boundaries.features.filter((feature) => feature.properties.fosteringPlacesPer10k !== null)
					.length ?? 0
			),
			hotspots: none(data?.hotspots.features.length ?? 0),
			placements: none(data?.placements.features.length ?? 0),
			homes:
				none(data?.homes.features.length ?? 0) &&
				!data?.boundaries.features.some((feature) => feature.properties.homePlaces != null)
		};
	});

	async load(fetcher: typeof fetch, rccId: string, las: readonly AreaSummary[] = []) {
		this.loadError = null;
		try {
			const loaded: LoadedMapData = await loadMapData(fetcher, rccId, las);
			this.restricted = loaded.restricted;
			this.data = loaded.data;
		} catch (error) {
			this.loadError = error instanceof Error ? error.message : String(error);
		}
	}

	toggle(layer: LayerId, visible: boolean) {
		this.visible[layer] = visible;
	}

	select(selection: Selection) {
		this.selection = selection;
	}
}
