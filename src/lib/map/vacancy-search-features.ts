import { bbox, circle } from '@turf/turf';
import type { VacanciesForChild } from '$lib/analysis-worker/protocol';

/**
 * A placement further than this many search radii from home stays out of the camera's view (its line
 * still points to it): taking in a placement 170 miles away would shrink the candidates to dots.
 */
const PLACEMENT_IN_VIEW_RADII = 3;

export type VacancySearchRole = 'search-area' | 'placement-line' | 'home' | 'placement';

export interface VacancySearchShapes {
	/** The search circle, the line to the child's placement, the home area and the placement. */
	features: GeoJSON.FeatureCollection<GeoJSON.Geometry, { role: VacancySearchRole }>;
	/** What the camera should show: the search circle, and the placement unless it is far beyond it. */
	bounds: [west: number, south: number, east: number, north: number];
}

/**
 * The shapes of one nearest-vacancy search, as plain GeoJSON (kept apart from the overlay so that it is
 * tested without WebGL). The candidates are numbered markers of their own.
 */
export function vacancySearchShapes(found: VacanciesForChild): VacancySearchShapes {
	const { child, radiusMiles } = found;
	const area = circle(child.home, radiusMiles, {
		units: 'miles',
		steps: 96,
		properties: { role: 'search-area' }
	});
	const features: VacancySearchShapes['features']['features'] = [
		area as GeoJSON.Feature<GeoJSON.Polygon, { role: 'search-area' }>
	];
	const [west, south, east, north] = bbox(area);
	const bounds: VacancySearchShapes['bounds'] = [west, south, east, north];
	if (child.placement) {
		features.push({
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: [child.home, child.placement] },
			properties: { role: 'placement-line' }
		});
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: child.placement },
			properties: { role: 'placement' }
		});
		if (child.miles !== null && child.miles <= PLACEMENT_IN_VIEW_RADII * radiusMiles) {
			bounds[0] = Math.min(bounds[0], child.placement[0]);
			bounds[1] = Math.min(bounds[1], child.placement[1]);
			bounds[2] = Math.max(bounds[2], child.placement[0]);
			bounds[3] = Math.max(bounds[3], child.placement[1]);
		}
	}
	features.push({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: child.home },
		properties: { role: 'home' }
	});
	return { features: { type: 'FeatureCollection', features }, bounds };
}
