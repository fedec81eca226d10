import type {
	CircleLayerSpecification,
	FillLayerSpecification,
	GeoJSONSource,
	LayerSpecification,
	LineLayerSpecification,
	Map as MapLibreMap,
	SymbolLayerSpecification
} from 'maplibre-gl';

/** The part of the map this needs, so that it can be tested without WebGL. */
export type LayeredMap = Pick<MapLibreMap, 'getSource' | 'addSource' | 'addLayer' | 'getStyle' | 'moveLayer'>;

/** A layer drawn from the overlay's one GeoJSON source, which upsertGeoJsonLayers fills in. */
export type OverlayLayer =
	| Omit<FillLayerSpecification, 'source'>
	| Omit<LineLayerSpecification, 'source'>
	| Omit<CircleLayerSpecification, 'source'>
	| Omit<SymbolLayerSpecification, 'source'>;

export interface UpsertOptions {
	/**
	 * Move the layers back above all others when they are not: the region's own layers wait for the
	 * style's 'load' and may be added after an overlay's.
	 */
	keepOnTop?: boolean;
}

/**
 * An overlay's GeoJSON source and the layers drawn from it: added the first time (and after the style
 * is replaced), otherwise only the data is swapped. Throws while the style is still loading, as
 * MapLibre does: call it through drawWhenStyleReady.
 */
export function upsertGeoJsonLayers(
	map: LayeredMap,
	sourceId: string,
	data: GeoJSON.GeoJSON,
	layers: readonly OverlayLayer[],
	options: UpsertOptions = {}
): void {
	const source = map.getSource(sourceId) as GeoJSONSource | undefined;
	if (!source) {
		map.addSource(sourceId, { type: 'geojson', data });
		for (const layer of layers) map.addLayer({ ...layer, source: sourceId } as LayerSpecification);
		return;
	}
	source.setData(data);
	const last = layers.at(-1);
	if (options.keepOnTop && last && map.getStyle().layers.at(-1)?.id !== last.id)
		for (const layer of layers) map.moveLayer(layer.id);
}
