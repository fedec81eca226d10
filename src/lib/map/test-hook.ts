import type { LayerId } from './layers';
import type { MapStatus } from './controller';
import type { Selection } from './view-state';

/**
 * What browser tests and the benchmark read from the page: the map's status and what it drew. Plain
 * functions over data the page already shows, so exposing it gives nothing away.
 */
export interface MapTestHook {
	status: MapStatus;
	renderedFeatureCounts(): Record<LayerId, number>;
	renderedLabels(): string[];
	/** Frames drawn so far. */
	frames(): number;
	/** Where a home or an LA's label point is drawn, in pixels from the map's top left corner. */
	screenPoint(selection: Selection): { x: number; y: number } | null;
	/** The camera: where the map is centred and how far it is zoomed in. */
	view(): { center: [number, number]; zoom: number };
	/** Properties of the features drawn in one style layer (an overlay's, e.g. 'presence-views-line'). */
	renderedProperties(styleLayer: string): Record<string, unknown>[];
}

declare global {
	interface Window {
		closeToHomeMap?: MapTestHook;
	}
}
