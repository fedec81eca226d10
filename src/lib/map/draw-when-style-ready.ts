import type { Map as MapLibreMap } from 'maplibre-gl';

/** The part of the map this needs, so that it can be tested without WebGL. */
export type SettlingMap = Pick<MapLibreMap, 'once'>;

const queued = new WeakMap<SettlingMap, Set<() => void>>();

/** MapLibre's refusal to add a source or layer before the style has loaded (Style#_checkLoaded). */
function isStyleLoading(error: unknown): boolean {
	return error instanceof Error && error.message.includes('not done loading');
}

/**
 * Runs `draw` (which adds or updates an overlay's sources and layers) now, and if the style is still
 * loading, again once the map settles. isStyleLoaded() is no guide: it stays false while any source
 * loads, though adding needs only the style. One retry waits per `draw`, however often it is asked
 * for; any other error is a bug and is thrown.
 */
export function drawWhenStyleReady(map: SettlingMap, draw: () => void): void {
	try {
		draw();
	} catch (error) {
		if (!isStyleLoading(error)) throw error;
		let waiting = queued.get(map);
		if (!waiting) queued.set(map, (waiting = new Set()));
		if (waiting.has(draw)) return;
		waiting.add(draw);
		const pending = waiting;
		map.once('idle', () => {
			pending.delete(draw);
			drawWhenStyleReady(map, draw);
		});
	}
}
