import { describe, expect, it } from 'vitest';
import { MapViewStore } from './map-view-store.svelte';

const empty = { type: 'FeatureCollection', features: [] };

function fakeFetch(status: Record<string, number> = {}) {
	const asked: string[] = [];
	const fetcher = (async (input: RequestInfo | URL) => {
		const url = String(input);
		asked.push(url);
		const code = Object.entries(status).find(([ending]) => url.endsWith(ending))?.[1] ?? 200;
		return new Response(JSON.stringify(empty), { status: code });
	}) as typeof fetch;
	return { fetcher, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MapViewStore', () => {
	it('reads the map data once for every map view, never the placement lines', async () => {
		const { fetcher, asked } = fakeFetch({ '/homes.geojson': 403 });
		const store = new MapViewStore('gm', fetcher);
		store.ensure();
		store.ensure();
		await settle();
		expect(asked.sort()).toEqual([
			'/api/rccs/gm/boundaries.geojson',
			'/api/rccs/gm/homes.geojson',
			'/api/rccs/gm/hotspots.geojson',
			'/api/regions.geojson'
		]);
		expect(store.data?.placements.features).toEqual([]);
		expect(store.restricted).toEqual(['homes']);
		expect(store.loadedAt).not.toBeNull();
	});

	it('reads again when another map view comes into sight after five minutes', async () => {
		const { fetcher, asked } = fakeFetch();
		const store = new MapViewStore('gm', fetcher);
		store.ensure();
		await settle();
		const loadedAt = store.loadedAt ?? 0;
		store.ensure(loadedAt + 60_000);
		await settle();
		expect(asked).toHaveLength(4);
		store.ensure(loadedAt + 5 * 60_000 + 1);
		await settle();
		expect(asked).toHaveLength(8);
	});

	it('says what went wrong when the data cannot be read', async () => {
		const { fetcher } = fakeFetch({ '/boundaries.geojson': 500 });
		const store = new MapViewStore('gm', fetcher);
		store.ensure();
		await settle();
		expect(store.data).toBeNull();
		expect(store.error).toMatch(/boundaries\.geojson answered 500/);
	});
});
