import type { AreaSummary } from '$lib/domain/types';
import type { Boundaries } from './feature-properties';

/**
 * Boundaries with each LA's children's homes and places, from the summary the sidebar shows so that the
 * map and its figures never disagree: drawn as one circle per LA where the homes themselves are not the
 * reader's to see (England).
 */
export function withHomePlaces(boundaries: Boundaries, las: readonly AreaSummary[]): Boundaries {
	const byCode = new Map(las.map((la) => [la.code, la]));
	return {
		...boundaries,
		features: boundaries.features.map((feature) => {
			const la = byCode.get(feature.properties.code);
			if (!la) return feature;
			return {
				...feature,
				properties: { ...feature.properties, homes: la.homes.computed, homePlaces: la.places.computed }
			};
		})
	};
}
