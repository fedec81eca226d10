import type { Boundaries, Homes, Hotspots, MapData, Placements, Regions } from './feature-properties';
import type { LayerId } from './layers';

export class MapDataError extends Error {}

type Fetch = typeof fetch;

export interface LoadedMapData {
	data: MapData;
	/** Layers the user may not see (401/403): drawn empty, and the page says why. */
	restricted: LayerId[];
}

const restrictedStatuses = [401, 403];

async function collection<T>(fetch: Fetch, url: string, restricted?: () => void): Promise<T> {
	const response = await fetch(url);
	if (restricted && restrictedStatuses.includes(response.status)) {
		restricted();
		return { type: 'FeatureCollection', features: [] } as T;
	}
	if (!response.ok)
		throw new MapDataError(`${url} answered ${response.status} ${response.statusText}`.trim());
	const body: unknown = await response.json();
	if (
		typeof body !== 'object' ||
		body === null ||
		(body as { type?: unknown }).type !== 'FeatureCollection'
	) {
		throw new MapDataError(`${url} did not return a GeoJSON FeatureCollection`);
	}
	if (!Array.isArray((body as { features?: unknown }).features)) {
		throw new MapDataError(`${url} returned a FeatureCollection without features`);
	}
	return body as T;
}

/** The GeoJSON one RCC's map is drawn from, so the page can also ask the browser to preload it. */
export function mapDataUrls(rccId: string) {
	const base = `/api/rccs/${encodeURIComponent(rccId)}`;
	return {
		regions: '/api/regions.geojson',
		boundaries: `${base}/boundaries.geojson`,
		homes: `${base}/homes.geojson`,
		hotspots: `${base}/hotspots.geojson`,
		placements: `${base}/placements.geojson`
	};
}

/** Fetches every layer of one RCC's map at once (the API serves each as its own GeoJSON). */
export async function loadMapData(fetch: Fetch, rccId: string): Promise<LoadedMapData> {
	const urls = mapDataUrls(rccId);
	const restricted: LayerId[] = [];
	const mayBeRestricted = (layer: LayerId) => () => restricted.push(layer);
	const [regions, boundaries, homes, hotspots, placements] = await Promise.all([
		collection<Regions>(fetch, urls.regions),
		collection<Boundaries>(fetch, urls.boundaries),
		collection<Homes>(fetch, urls.homes, mayBeRestricted('homes')),
		collection<Hotspots>(fetch, urls.hotspots, mayBeRestricted('hotspots')),
		collection<Placements>(fetch, urls.placements, mayBeRestricted('placements'))
	]);
	return { data: { regions, boundaries, homes, hotspots, placements }, restricted };
}
