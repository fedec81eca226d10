import type { LayerId } from './layers';
import type { MapStatus } from './controller';

/**
 * What browser tests and the benchmark read from the page: the map's status and what it drew. Plain
 * functions over data the page already shows, so exposing it gives nothing away.
 */
export interface MapTestHook {
	status: MapStatus;
	renderedFeatureCounts(): Record<LayerId, number>;
	renderedLabels(): string[];
}

declare global {
	interface Window {
		closeToHomeMap?: MapTestHook;
	}
}
