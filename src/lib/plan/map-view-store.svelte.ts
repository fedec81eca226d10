import type { MapData } from '../map/feature-properties';
import type { LayerId } from '../map/layers';
import { loadMapData, mapDataUrls } from '../map/load-map-data';

/** Map data older than this is read again when another map view comes into sight. */
const STALE_MS = 5 * 60_000;

const emptyCollection = () =>
	new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }), {
		headers: { 'content-type': 'application/geo+json' }
	});

/**
 * The map data every map view of one plan draws from, read once for all of them when the first comes
 * into sight (and again, when stale, as another does): the RCC's GeoJSON as the server lets this reader
 * see it. Placement lines are never asked for: no map view may show them (map-view-spec.ts).
 */
export class MapViewStore {
	/** Raw: thousands of features must not become deep proxies. */
	data = $state.raw<MapData | null>(null);
	/** Layers this reader may not see (401/403): their legend says why. */
	restricted = $state.raw<LayerId[]>([]);
	error = $state<string | null>(null);
	/** Epoch milliseconds of the last successful read. */
	loadedAt = $state<number | null>(null);
	#loading = false;
	#rccId: string;
	#fetch: typeof fetch;

	constructor(rccId: string, fetchImpl: typeof fetch = fetch) {
		this.#rccId = rccId;
		this.#fetch = fetchImpl;
	}

	/** Reads the data unless a fresh copy is here or on its way. */
	ensure(now = Date.now()): void {
		if (this.#loading) return;
		if (this.loadedAt !== null && now - this.loadedAt < STALE_MS) return;
		void this.#load();
	}

	async #load(): Promise<void> {
		this.#loading = true;
		const placements = mapDataUrls(this.#rccId).placements;
		const fetcher: typeof fetch = (input, init) =>
			String(input) === placements ? Promise.resolve(emptyCollection()) : this.#fetch(input, init);
		try {
			const loaded = await loadMapData(fetcher, this.#rccId);
			this.data = loaded.data;
			this.restricted = loaded.restricted;
			this.error = null;
			this.loadedAt = Date.now();
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#loading = false;
		}
	}
}
