import { MapController, type MapControllerOptions } from './controller';

/**
 * A MapController, or null when this browser cannot draw one (no WebGL, most often): then `onStatus`
 * hears 'error' with a sentence saying so (and `fallback`, what the reader can use instead), rather than
 * the page keeping a blank map.
 */
export function createMapController(options: MapControllerOptions, fallback = ''): MapController | null {
	try {
		return new MapController(options);
	} catch (error) {
		options.onStatus(
			'error',
			`The map cannot be drawn in this browser (${error instanceof Error ? error.message : error}).${fallback ? ` ${fallback}` : ''}`
		);
		return null;
	}
}
