import type { RccListing, RccSummary } from '../types';

/** The few figures shown for an RCC on the home page, taken from its summary. */
export function headline(summary: RccSummary): RccListing {
	const { region } = summary;
	return {
		...summary.rcc,
		laCount: summary.las.length,
		headline: {
			childrenLookedAfter: region.childrenLookedAfter.computed,
			percentOver20Miles: region.percentOver20Miles.computed,
			homes: region.homes.computed ?? 0,
			places: region.places.computed ?? 0,
			published: {
				childrenLookedAfter: region.childrenLookedAfter.published,
				percentOver20Miles: region.percentOver20Miles.published
			}
		}
	};
}
