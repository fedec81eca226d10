import { parseExtent, type MapExtent } from './map-view-spec';

type Bounds = [number, number, number, number];

/**
 * The extent to store for what a live map shows ([west, south, east, north] of its visible area), or why
 * not. Rounded outwards to about a thousandth of the smaller span (well under a pixel of a map view), so
 * the stored text stays short and the area kept is never smaller than the one seen; clamped to what
 * parseExtent accepts (MapLibre's Web Mercator stops at 85°). A view showing none of the region
 * (`regionBounds`, the member LAs' box) is refused: it would publish an empty picture.
 */
export function extentFromView(
	visible: Bounds,
	regionBounds: Bounds | null
): { extent: MapExtent; error: null } | { extent: null; error: string } {
	const [west, south, east, north] = visible;
	const span = Math.min(east - west, north - south);
	if (!(span > 0) || !visible.every(Number.isFinite))
		return { extent: null, error: 'The map has no area to keep: make the map larger and try again' };
	if (regionBounds) {
		const [regionWest, regionSouth, regionEast, regionNorth] = regionBounds;
		if (west > regionEast || east < regionWest || south > regionNorth || north < regionSouth)
			return {
				extent: null,
				error: 'The map shows none of the region: move it back over the region, then use the view'
			};
	}
	const decimals = Math.min(Math.max(Math.ceil(Math.log10(1000 / span)), 1), 6);
	const step = 10 ** decimals;
	const down = (value: number) => Math.floor(value * step) / step;
	const up = (value: number) => Math.ceil(value * step) / step;
	const rounded: Bounds = [
		Math.max(down(west), -180),
		Math.max(down(south), -85),
		Math.min(up(east), 180),
		Math.min(up(north), 85)
	];
	// Through the stored text's own parser: what is kept is exactly what any reader will read back.
	const extent = parseExtent(`bounds:${rounded.map((value) => Number(value.toFixed(decimals))).join(',')}`);
	if (!extent) return { extent: null, error: 'The map view could not be kept: reset it and try again' };
	return { extent, error: null };
}
