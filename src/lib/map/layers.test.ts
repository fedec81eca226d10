import { describe, expect, it } from 'vitest';
import { layerIds, mapLayers, rangeLabels, styleLayers } from './layers';

const context = { fosteringBreaks: [40, 50, 60, 70], hotspotBreaks: [10, 20, 40], labelFont: ['sans-serif'] };

describe('map layers', () => {
	it('gives every toggle style layers that exist, a title and a legend', () => {
		const ids = new Set(styleLayers(context).map(({ spec }) => spec.id));
		for (const id of layerIds) {
			const layer = mapLayers[id];
			expect(layer.id).toBe(id);
			expect(layer.title.length).toBeGreaterThan(0);
			expect(layer.legend(context).length).toBeGreaterThan(0);
			for (const styleLayer of [...layer.styleLayerIds, ...layer.countedStyleLayerIds])
				expect(ids).toContain(styleLayer);
		}
	});

	it('uses unique style layer ids and shows each style layer from one toggle only', () => {
		const specs = styleLayers(context);
		expect(new Set(specs.map(({ spec }) => spec.id)).size).toBe(specs.length);
		for (const { owner, spec } of specs) {
			const toggles = layerIds.filter((id) => mapLayers[id].styleLayerIds.includes(spec.id));
			expect(toggles).toEqual(owner === 'base' ? [] : [owner]);
		}
	});

	it('draws homes above areas and labels on top', () => {
		const order = styleLayers(context).map(({ spec }) => spec.id);
		expect(order.indexOf('homes-circle')).toBeGreaterThan(order.indexOf('hotspots-fill'));
		expect(order.indexOf('homes-circle')).toBeGreaterThan(order.indexOf('placements-line'));
		expect(order.at(-1)).toBe('la-labels');
	});

	it('gives the choropleth one legend entry per class, each a different colour', () => {
		const legend = mapLayers.fostering.legend(context);
		expect(legend).toHaveLength(5);
		expect(new Set(legend.map((item) => item.swatch.colour)).size).toBe(5);
		expect(mapLayers.hotspots.legend(context)).toHaveLength(4);
	});
});

describe('over a basemap', () => {
	it('keeps LA fills see-through, so the basemap shows, while they still catch clicks', () => {
		const opacity = (basemap: boolean) => {
			const fill = styleLayers({ ...context, basemap }).find(({ spec }) => spec.id === 'la-fill')!.spec;
			return fill.type === 'fill' ? JSON.stringify(fill.paint?.['fill-opacity']) : '';
		};
		expect(opacity(false)).toContain('0.9');
		expect(opacity(true)).toContain('0.15');
	});
});

describe('rangeLabels', () => {
	it('reads as ranges with the unit', () => {
		expect(rangeLabels([10, 20], 'children')).toEqual([
			'Under 10 children',
			'10 to under 20 children',
			'20 or more children'
		]);
		expect(rangeLabels([], 'places')).toEqual(['Any number of places']);
	});
});

describe('the style MapLibre is given', () => {
	// The validator MapLibre itself runs (a dependency of maplibre-gl), so an invalid expression fails
	// here rather than as a silently missing layer in the browser.
	const style = (breaks: { fosteringBreaks: number[]; hotspotBreaks: number[] }) => ({
		version: 8 as const,
		sources: Object.fromEntries(
			['regions', 'boundaries', 'la-labels', 'homes', 'hotspots', 'placements', 'placement-flows'].map(
				(id) => [id, { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } }]
			)
		),
		layers: styleLayers({ ...breaks, labelFont: ['sans-serif'] }).map(({ spec }) => spec)
	});

	it('is valid before any data has arrived (no class breaks yet)', async () => {
		const { validateStyleMin } = await import('@maplibre/maplibre-gl-style-spec');
		expect(validateStyleMin(style({ fosteringBreaks: [], hotspotBreaks: [] }))).toEqual([]);
	});

	it('is valid with every class break filled in', async () => {
		const { validateStyleMin } = await import('@maplibre/maplibre-gl-style-spec');
		expect(validateStyleMin(style(context))).toEqual([]);
	});
});
