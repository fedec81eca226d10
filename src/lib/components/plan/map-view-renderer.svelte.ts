import { mount, unmount } from 'svelte';
import type { MapViewRenderer } from '$lib/plan/map-view';
import type { MapViewSpec } from '$lib/plan/map-view-spec';
import type { MapViewStore } from '$lib/plan/map-view-store.svelte';
import MapViewBlock from './MapViewBlock.svelte';

/** Draws each map view node of the editor as a MapViewBlock, all sharing one store of map data. */
export function mapViewRenderer(options: {
	store: MapViewStore;
	rcc: { id: string; name: string };
	laNames: Record<string, string>;
	basemapStyle: string | null;
}): MapViewRenderer {
	return (target, spec, controls) => {
		const props = $state({ spec, controls, ...options });
		const block = mount(MapViewBlock, { target, props });
		return {
			update(next: MapViewSpec) {
				props.spec = next;
			},
			destroy() {
				void unmount(block);
			}
		};
	};
}
