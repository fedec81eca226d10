import { describe, expect, it } from 'vitest';
import type { MapData } from './feature-properties';
import { mapChanges, type MapViewState } from './view-state';

const empty = { type: 'FeatureCollection', features: [] } as const;
const data = (): MapData => ({
	regions: { ...empty, features: [] },
	boundaries: { ...empty, features: [] },
	homes: { ...empty, features: [] },
	hotspots: { ...empty, features: [] },
	placements: { ...empty, features: [] }
});
const visible = { boundaries: true, fostering: false, hotspots: true, placements: false, homes: true };
const state = (overrides: Partial<MapViewState> = {}): MapViewState => ({
	data: null,
	visible: { ...visible },
	selection: null,
	mode: 'browse',
	...overrides
});

describe('mapChanges', () => {
	it('applies everything on the first state, data first', () => {
		const loaded = data();
		const changes = mapChanges(null, state({ data: loaded }));
		expect(changes[0]).toEqual({ type: 'data', data: loaded });
		expect(changes.filter((change) => change.type === 'visibility')).toHaveLength(5);
		expect(changes.at(-1)).toEqual({ type: 'mode', mode: 'browse' });
	});

	it('gives nothing when nothing changed, even through copies of the same values', () => {
		const loaded = data();
		const previous = state({ data: loaded, selection: { kind: 'la', code: 'E08000003' } });
		const next = state({ data: loaded, selection: { kind: 'la', code: 'E08000003' } });
		expect(mapChanges(previous, next)).toEqual([]);
	});

	it('gives only the layer that was toggled', () => {
		const loaded = data();
		const next = state({ data: loaded, visible: { ...visible, placements: true } });
		expect(mapChanges(state({ data: loaded }), next)).toEqual([
			{ type: 'visibility', layer: 'placements', visible: true }
		]);
	});

	it('moves the selection from the old feature to the new one', () => {
		const loaded = data();
		const from = { kind: 'home', urn: 'SC123456' } as const;
		const to = { kind: 'la', code: 'E06000036' } as const;
		expect(
			mapChanges(state({ data: loaded, selection: from }), state({ data: loaded, selection: to }))
		).toEqual([{ type: 'selection', from, to }]);
	});

	it('re-applies a selection after new data, whose features are new', () => {
		const selection = { kind: 'home', urn: 'SC1' } as const;
		const next = state({ data: data(), selection });
		const changes = mapChanges(state({ data: data(), selection }), next);
		expect(changes.map((change) => change.type)).toEqual(['data', 'selection']);
	});
});
