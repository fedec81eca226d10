import type { MapData } from './feature-properties';
import type { LayerId } from './layers';

/** How clicks and pointer moves are handled; `modes` (modes.ts) has the handlers of each. */
export type MapMode = 'browse' | 'inactive';

/** What the user has picked on the map or in the table; app ids, never MapLibre feature ids. */
export type Selection = { kind: 'la'; code: string } | { kind: 'home'; urn: string } | null;

/** Everything the page tells the map. The controller applies the differences from the last state. */
export interface MapViewState {
	data: MapData | null;
	visible: Record<LayerId, boolean>;
	selection: Selection;
	mode: MapMode;
}

export type MapChange =
	| { type: 'data'; data: MapData }
	| { type: 'visibility'; layer: LayerId; visible: boolean }
	| { type: 'selection'; from: Selection; to: Selection }
	| { type: 'mode'; mode: MapMode };

export function sameSelection(a: Selection, b: Selection): boolean {
	if (a === null || b === null) return a === b;
	if (a.kind === 'la' && b.kind === 'la') return a.code === b.code;
	if (a.kind === 'home' && b.kind === 'home') return a.urn === b.urn;
	return false;
}

/**
 * The changes that take the map from `previous` to `next`, in the order they must be applied (data
 * first, so a selection can find its feature). Data is compared by reference: the page replaces it.
 */
export function mapChanges(previous: MapViewState | null, next: MapViewState): MapChange[] {
	const changes: MapChange[] = [];
	if (next.data && next.data !== previous?.data) changes.push({ type: 'data', data: next.data });
	for (const layer of Object.keys(next.visible) as LayerId[]) {
		if (previous?.visible[layer] !== next.visible[layer]) {
			changes.push({ type: 'visibility', layer, visible: next.visible[layer] });
		}
	}
	const from = previous?.selection ?? null;
	const dataChanged = changes[0]?.type === 'data';
	if (!sameSelection(from, next.selection) || (dataChanged && next.selection)) {
		changes.push({ type: 'selection', from, to: next.selection });
	}
	if (previous?.mode !== next.mode) changes.push({ type: 'mode', mode: next.mode });
	return changes;
}
