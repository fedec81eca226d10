import { per10k } from '$lib/domain/per-10k';
import type { AreaSummary } from '$lib/domain/types';
import type { Boundaries } from './feature-properties';

/**
 * Boundaries with each LA's children's homes and places (from the summary the sidebar shows, so the map
 * and its figures never disagree) and places per 10,000 children: drawn as a choropleth where the
 * homes themselves are not the reader's to see (England).
 */
export function withHomePlaces(boundaries: Boundaries, las: readonly AreaSummary[]): Boundaries {
	const byCode = new Map(las.map((la) => [la.code, la]));
	return {
		...boundaries,
		features: boundaries.features.map((feature) => {
			const la = byCode.get(feature.properties.code);
			if (!la) return feature;
			const homePlaces = la.places.computed;
			return {
				...feature,
				properties: {
					...feature.properties,
					homes: la.homes.computed,
					homePlaces,
					homePlacesPer10k: per10k(homePlaces, feature.properties.population0to17)
				}
			};
		})
	};
}
