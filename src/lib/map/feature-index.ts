import type { MapData } from './feature-properties';
import type { Selection } from './view-state';

export interface FeatureRef {
	source: 'boundaries' | 'homes';
	id: number;
}

/**
 * The one place where app ids (LA codes, home URNs) meet MapLibre's integer feature ids, which the API
 * assigns per response and which are only meaningful with the data they came with.
 */
export function featureIndex(data: MapData) {
	const laIds = new Map<string, number>();
	for (const feature of data.boundaries.features) {
		if (typeof feature.id === 'number') laIds.set(feature.properties.code, feature.id);
	}
	const homeIds = new Map<string, number>();
	for (const feature of data.homes.features) {
		if (typeof feature.id === 'number') homeIds.set(feature.properties.urn, feature.id);
	}
	return {
		find(selection: Selection): FeatureRef | null {
			if (!selection) return null;
			const id = selection.kind === 'la' ? laIds.get(selection.code) : homeIds.get(selection.urn);
			if (id === undefined) return null;
			return { source: selection.kind === 'la' ? 'boundaries' : 'homes', id };
		}
	};
}

export type FeatureIndex = ReturnType<typeof featureIndex>;
