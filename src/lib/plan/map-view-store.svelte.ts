import type { MapData } from '../map/feature-properties';
import type { LayerId } from '../map/layers';
import { loadMapData, mapDataUrls } from '../map/load-map-data';

/**
 * How often the data is re-read while a map view is in sight, as the figure chips re-read theirs
 * (figure-store.svelte.ts); a view coming into sight reads it at once when it is older than this.
 */
export const MAP_VIEW_REFRESH_MS = 60_000;

const emptyCollection = () =>
	new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }), {
		headers: { 'content-type': 'application/geo+json' }
	});

/**
 * The map data every map view of one plan draws from, read once for all of them when the first comes
 * into sight, then every minute while any is in sight (and as the tab comes back into view): the RCC's
 * GeoJSON as the server lets this reader see it. A read that finds the same data keeps the same object,
 * so the maps redraw nothing; new data updates their sources (MapViewCanvas), never recreates them.
 * Placement lines are never asked for: no map view may show them (map-view-spec.ts).
 */
export class MapViewStore {
	/** Raw: thousands of features must not become deep proxies. */
	data = $state.raw<MapData | null>(null);
	/** Layers this reader may not see (401/403): their legend says why. */
	restricted = $state.raw<LayerId[]>([]);
	/** Why the last read failed; null once a read succeeds. */
	error = $state<string | null>(null);
	/** Epoch milliseconds of the last successful read. */
	loadedAt = $state<number | null>(null);
	#loading = false;
	/** The data as read (its JSON), to tell a re-read that changed something from one that did not. */
	#read = '';
	#watching = 0;
	#timer: ReturnType<typeof setInterval> | null = null;
	#rccId: string;
	#fetch: typeof fetch;

	constructor(rccId: string, fetchImpl: typeof fetch = fetch) {
		this.#rccId = rccId;
		this.#fetch = fetchImpl;
	}

	/** Reads the data unless a fresh copy is here or on its way. */
	ensure(now = Date.now()): void {
		if (this.loadedAt !== null && now - this.loadedAt < MAP_VIEW_REFRESH_MS) return;
		this.refresh();
	}

	/** Reads the data now, unless a read is on its way. */
	refresh(): void {
		if (!this.#loading) void this.#load();
	}

	/**
	 * A map view came into sight: reads the data if stale and keeps it fresh until every view that
	 * watches has called the function returned (out of sight, or gone).
	 */
	watch(): () => void {
		this.#watching++;
		if (this.#watching === 1) {
			this.#timer = setInterval(this.#onTick, MAP_VIEW_REFRESH_MS);
			globalThis.document?.addEventListener('visibilitychange', this.#onVisibility);
		}
		this.ensure();
		let watching = true;
		return () => {
			if (!watching) return;
			watching = false;
			this.#watching--;
			if (this.#watching > 0) return;
			if (this.#timer) clearInterval(this.#timer);
			this.#timer = null;
			globalThis.document?.removeEventListener('visibilitychange', this.#onVisibility);
		};
	}

	// A hidden tab reads nothing; it catches up as it comes back.
	#onTick = () => {
		if (globalThis.document?.visibilityState !== 'hidden') this.refresh();
	};

	#onVisibility = () => {
		if (globalThis.document?.visibilityState === 'visible') this.ensure();
	};

	async #load(): Promise<void> {
		this.#loading = true;
		const placements = mapDataUrls(this.#rccId).placements;
		const fetcher: typeof fetch = (input, init) =>
			String(input) === placements
				? Promise.resolve(emptyCollection())
				: this.#fetch(input, { ...init, cache: 'no-store' });
		try {
			const loaded = await loadMapData(fetcher, this.#rccId);
			const read = JSON.stringify(loaded);
			if (read !== this.#read) {
				this.#read = read;
				this.data = loaded.data;
				this.restricted = loaded.restricted;
			}
			this.error = null;
			this.loadedAt = Date.now();
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#loading = false;
		}
	}
}
