import type { LonLat } from '../domain/types';
import { extentFromView } from './extent-from-view';
import type { MapViewSpec } from './map-view-spec';

/**
 * A gap of the map's Gaps panel as a live map view for a plan: the hexagon and as much again around it,
 * the boundaries, homes and hotspots, and a caption saying what the gap is. Only the cell's published
 * total goes in the caption (cells of fewer than five are never listed); never the reader's own LA's share,
 * which the plan's other readers may not see.
 */
export function gapMapView(gap: { rank: number; children: number; ring: readonly LonLat[] }): MapViewSpec {
	const lons = gap.ring.map(([lon]) => lon);
	const lats = gap.ring.map(([, lat]) => lat);
	const [west, east, south, north] = [
		Math.min(...lons),
		Math.max(...lons),
		Math.min(...lats),
		Math.max(...lats)
	];
	const [padLon, padLat] = [(east - west) / 2, (north - south) / 2];
	const { extent } = extentFromView([west - padLon, south - padLat, east + padLon, north + padLat], null);
	return {
		layers: ['boundaries', 'hotspots', 'homes'],
		extent: extent ?? { kind: 'region' },
		caption: `Gap ${gap.rank}: ${gap.children} children placed over 20 miles from home with no suitable vacancy within 20 miles`
	};
}
