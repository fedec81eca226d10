import type { Details } from '$lib/components/details';
import type { RccSummary } from '$lib/domain/types';
import type { MapData } from '$lib/map/feature-properties';
import type { Selection } from '$lib/map/view-state';

/** What the details panel shows for the selection: the home, or the LA with its summary figures. */
export function detailsOf(selection: Selection, data: MapData | null, summary: RccSummary): Details | null {
	if (!selection || !data) return null;
	if (selection.kind === 'home') {
		const home = data.homes.features.find((feature) => feature.properties.urn === selection.urn);
		return home ? { kind: 'home', home: home.properties } : null;
	}
	const la = data.boundaries.features.find((feature) => feature.properties.code === selection.code);
	if (!la) return null;
	return {
		kind: 'la',
		la: la.properties,
		summary: summary.las.find((area) => area.code === selection.code) ?? null
	};
}
