import type { Boundaries, Homes, Hotspots, MapData, Placements, Regions } from './feature-properties';
import { ENGLAND_ID, type AreaSummary } from '$lib/domain/types';
import type { LayerId } from './layers';
import { withHomePlaces } from './with-home-places';

export class MapDataError extends Error {}

type Fetch = typeof fetch;

export interface LoadedMapData {
	data: MapData;
	/** Layers the user may not see (401/403): drawn empty, and the page says why. */
	restricted: LayerId[];
}

const restrictedStatuses = [401, 403];

const none = { type: 'FeatureCollection', features: [] };

async function collection<T>(fetch: Fetch, url: string | undefined, restricted?: () => void): Promise<T> {
	if (url === undefined) return none as T;
	const response = await fetch(url);
	if (restricted && restrictedStatuses.includes(response.status)) {
		restricted();
		return none as T;
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

/**
 * The GeoJSON one RCC's map is drawn from, so the page can also ask the browser to preload it.
 * England's map asks for no homes nor placements: no one may see them nationally (access.ts
 * canSeeHomes), so homes are drawn per LA from the summary instead.
 */
export function mapDataUrls(
	rccId: string
): Record<'regions' | 'boundaries' | 'hotspots', string> & Partial<Record<'homes' | 'placements', string>> {
	const base = `/api/rccs/${encodeURIComponent(rccId)}`;
	const shared = {
		regions: '/api/regions.geojson',
		boundaries: `${base}/boundaries.geojson`,
		hotspots: `${base}/hotspots.geojson`
	};
	if (rccId === ENGLAND_ID) return shared;
	return { ...shared, homes: `${base}/homes.geojson`, placements: `${base}/placements.geojson` };
}

/**
 * Fetches every layer of one RCC's map at once (the API serves each as its own GeoJSON). `las`: the
 * summary's LAs, whose homes and places are set on the boundaries when homes are not drawn as points.
 */
export async function loadMapData(
	fetch: Fetch,
	rccId: string,
	las: readonly AreaSummary[] = []
): Promise<LoadedMapData> {
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
	const drawn = urls.homes === undefined ? withHomePlaces(boundaries, las) : boundaries;
	return { data: { regions, boundaries: drawn, homes, hotspots, placements }, restricted };
}
