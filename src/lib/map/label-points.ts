import type { FeatureCollection, Point } from 'geojson';
import type { Boundaries } from './feature-properties';

export interface LabelProperties {
	code: string;
	name: string;
	population0to17: number | null;
	/** Where homes are drawn per LA (England): its children's homes and their places. */
	homes?: number | null;
	homePlaces?: number | null;
}

/**
 * One label point per member LA, at the point the API chose inside the LA (a polygon's centroid can
 * fall outside it, or in the sea). Neighbouring LAs stay unnamed so the region reads at a glance.
 */
export function labelPoints(boundaries: Boundaries): FeatureCollection<Point, LabelProperties> {
	return {
		type: 'FeatureCollection',
		features: boundaries.features
			.filter((feature) => feature.properties.member)
			.map((feature) => ({
				type: 'Feature',
				id: feature.id,
				geometry: { type: 'Point', coordinates: [feature.properties.labelLon, feature.properties.labelLat] },
				properties: {
					code: feature.properties.code,
					name: feature.properties.name,
					population0to17: feature.properties.population0to17,
					...(feature.properties.homePlaces != null
						? { homes: feature.properties.homes, homePlaces: feature.properties.homePlaces }
						: {})
				}
			}))
	};
}
