import { describe, expect, it } from 'vitest';
import { upsertGeoJsonLayers, type LayeredMap, type OverlayLayer } from './upsert-geojson-layers';

/** Sources and the layer order as MapLibre keeps them, without WebGL. */
function fakeMap(existingLayers: string[] = []) {
	const sources = new Map<string, { data: unknown; setData: (data: unknown) => void }>();
	const layers: { id: string; source?: string }[] = existingLayers.map((id) => ({ id }));
	const map = {
		getSource: (id: string) => sources.get(id),
		addSource: (id: string, spec: { data: unknown }) => {
			if (sources.has(id)) throw new Error(`Source "${id}" already exists.`);
			const source = {
				data: spec.data,
				setData(data: unknown) {
					source.data = data;
				}
			};
			sources.set(id, source);
		},
		addLayer: (layer: { id: string; source: string }) => {
			layers.push({ id: layer.id, source: layer.source });
		},
		getStyle: () => ({ layers }),
		moveLayer: (id: string) => {
			const index = layers.findIndex((layer) => layer.id === id);
			layers.push(...layers.splice(index, 1));
		}
	} as unknown as LayeredMap;
	return { map, sources, order: () => layers.map((layer) => layer.id), layers };
}

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const one: GeoJSON.FeatureCollection = {
	type: 'FeatureCollection',
	features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-2.2, 53.5] } }]
};
const overlay: OverlayLayer[] = [
	{ id: 'o-fill', type: 'fill', paint: { 'fill-color': '#000' } },
	{ id: 'o-line', type: 'line', paint: { 'line-color': '#000' } }
];

describe('upsertGeoJsonLayers', () => {
	it('adds the source and its layers, each drawn from that source, the first time', () => {
		const { map, sources, layers } = fakeMap(['background']);
		upsertGeoJsonLayers(map, 'o', empty, overlay);
		expect(sources.get('o')?.data).toBe(empty);
		expect(layers).toEqual([
			{ id: 'background' },
			{ id: 'o-fill', source: 'o' },
			{ id: 'o-line', source: 'o' }
		]);
	});

	it('then only swaps the data, adding nothing twice', () => {
		const { map, sources, order } = fakeMap();
		upsertGeoJsonLayers(map, 'o', empty, overlay);
		upsertGeoJsonLayers(map, 'o', one, overlay);
		expect(sources.get('o')?.data).toBe(one);
		expect(order()).toEqual(['o-fill', 'o-line']);
	});

	it('moves its layers back on top, in their order, when asked and others were added after', () => {
		const fixture = fakeMap(['background']);
		upsertGeoJsonLayers(fixture.map, 'o', empty, overlay, { keepOnTop: true });
		fixture.layers.push({ id: 'homes' });
		upsertGeoJsonLayers(fixture.map, 'o', one, overlay, { keepOnTop: true });
		expect(fixture.order()).toEqual(['background', 'homes', 'o-fill', 'o-line']);
	});

	it('leaves the order alone unless asked', () => {
		const fixture = fakeMap();
		upsertGeoJsonLayers(fixture.map, 'o', empty, overlay);
		fixture.layers.push({ id: 'homes' });
		upsertGeoJsonLayers(fixture.map, 'o', one, overlay);
		expect(fixture.order()).toEqual(['o-fill', 'o-line', 'homes']);
	});
});
