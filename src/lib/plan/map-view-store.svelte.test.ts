import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAP_VIEW_REFRESH_MS, MapViewStore } from './map-view-store.svelte';

const empty = { type: 'FeatureCollection', features: [] };

function fakeFetch(status: Record<string, number> = {}, body: () => unknown = () => empty) {
	const asked: string[] = [];
	const fetcher = (async (input: RequestInfo | URL) => {
		const url = String(input);
		asked.push(url);
		const code = Object.entries(status).find(([ending]) => url.endsWith(ending))?.[1] ?? 200;
		return new Response(JSON.stringify(url.endsWith('/homes.geojson') ? body() : empty), { status: code });
	}) as typeof fetch;
	return { fetcher, asked };
}

/** A document whose visibility the test sets. */
function fakeDocument() {
	const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
	target.visibilityState = 'visible';
	const show = (state: DocumentVisibilityState) => {
		target.visibilityState = state;
		target.dispatchEvent(new Event('visibilitychange'));
	};
	vi.stubGlobal('document', target);
	return show;
}

/** Boundaries, hotspots, homes and regions: the four files one read asks for. */
const READ = 4;

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

	it('reads again when another map view comes into sight after a minute', async () => {
		const { fetcher, asked } = fakeFetch();
		const store = new MapViewStore('gm', fetcher);
		store.ensure();
		await settle();
		const loadedAt = store.loadedAt ?? 0;
		store.ensure(loadedAt + MAP_VIEW_REFRESH_MS - 1);
		await settle();
		expect(asked).toHaveLength(4);
		store.ensure(loadedAt + MAP_VIEW_REFRESH_MS);
		await settle();
		expect(asked).toHaveLength(8);
	});

	describe('while a view is in sight', () => {
		afterEach(() => {
			vi.useRealTimers();
			vi.unstubAllGlobals();
		});

		it('re-reads every minute, and stops when no view watches any more', async () => {
			vi.useFakeTimers();
			fakeDocument();
			const { fetcher, asked } = fakeFetch();
			const store = new MapViewStore('gm', fetcher);
			const first = store.watch();
			const second = store.watch();
			await vi.advanceTimersByTimeAsync(0);
			expect(asked).toHaveLength(READ);
			await vi.advanceTimersByTimeAsync(MAP_VIEW_REFRESH_MS - 1);
			expect(asked).toHaveLength(READ);
			await vi.advanceTimersByTimeAsync(1);
			expect(asked).toHaveLength(2 * READ);
			first();
			first();
			await vi.advanceTimersByTimeAsync(MAP_VIEW_REFRESH_MS);
			expect(asked).toHaveLength(3 * READ);
			second();
			await vi.advanceTimersByTimeAsync(5 * MAP_VIEW_REFRESH_MS);
			expect(asked).toHaveLength(3 * READ);
		});

		it('reads nothing while the tab is hidden, and catches up as it comes back', async () => {
			vi.useFakeTimers();
			const show = fakeDocument();
			const { fetcher, asked } = fakeFetch();
			const store = new MapViewStore('gm', fetcher);
			store.watch();
			await vi.advanceTimersByTimeAsync(0);
			show('hidden');
			await vi.advanceTimersByTimeAsync(3 * MAP_VIEW_REFRESH_MS);
			expect(asked).toHaveLength(READ);
			show('visible');
			await vi.advanceTimersByTimeAsync(0);
			expect(asked).toHaveLength(2 * READ);
			// Back within the minute: the copy just read is fresh.
			show('hidden');
			show('visible');
			await vi.advanceTimersByTimeAsync(0);
			expect(asked).toHaveLength(2 * READ);
		});

		it('keeps the same data object when a re-read finds nothing new, and the read time moves on', async () => {
			vi.useFakeTimers();
			fakeDocument();
			let homes: unknown = empty;
			const { fetcher } = fakeFetch({}, () => homes);
			const store = new MapViewStore('gm', fetcher);
			store.watch();
			await vi.advanceTimersByTimeAsync(0);
			const firstData = store.data;
			const firstRead = store.loadedAt ?? 0;
			await vi.advanceTimersByTimeAsync(MAP_VIEW_REFRESH_MS);
			expect(store.data).toBe(firstData);
			expect(store.loadedAt).toBe(firstRead + MAP_VIEW_REFRESH_MS);
			homes = {
				type: 'FeatureCollection',
				features: [
					{ type: 'Feature', geometry: { type: 'Point', coordinates: [-2.2, 53.5] }, properties: {} }
				]
			};
			await vi.advanceTimersByTimeAsync(MAP_VIEW_REFRESH_MS);
			expect(store.data).not.toBe(firstData);
			expect(store.data?.homes.features).toHaveLength(1);
		});
	});

	it('keeps the data it has when a re-read fails, and says why', async () => {
		const status: Record<string, number> = {};
		const { fetcher } = fakeFetch(status);
		const store = new MapViewStore('gm', fetcher);
		store.refresh();
		await settle();
		const { data, loadedAt } = store;
		status['/boundaries.geojson'] = 503;
		store.refresh();
		await settle();
		expect(store.data).toBe(data);
		expect(store.loadedAt).toBe(loadedAt);
		expect(store.error).toMatch(/boundaries\.geojson answered 503/);
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
