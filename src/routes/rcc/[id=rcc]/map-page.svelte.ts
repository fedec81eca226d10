import type { MapStatus } from '$lib/map/controller';
import type { MapData } from '$lib/map/feature-properties';
import { layerIds, mapLayers, type LayerId, type StyleContext } from '$lib/map/layers';
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
	styleContext = $state.raw<StyleContext>({ fosteringBreaks: [], hotspotBreaks: [], labelFont: [] });

	/** A fresh plain object each time, so the map controller can compare it with the last one. */
	viewState: MapViewState = $derived({
		data: this.data,
		visible: { ...this.visible },
		selection: this.selection ? { ...this.selection } : null,
		mode: this.data ? 'browse' : 'inactive'
	});

	loading = $derived(this.data === null && this.loadError === null);

	async load(fetcher: typeof fetch, rccId: string) {
		this.loadError = null;
		try {
			const loaded: LoadedMapData = await loadMapData(fetcher, rccId);
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
