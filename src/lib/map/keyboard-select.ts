import type { Map as MapLibreMap } from 'maplibre-gl';

/** The little of a MapLibre map that choosing by keyboard needs (tests pass a fake). */
export type KeyboardSelectMap = Pick<MapLibreMap, 'getCanvas' | 'unproject' | 'fire'>;

/**
 * Enter (or Space) on the focused map acts as a click at its centre, where the page draws a cross while
 * the map has keyboard focus: it chooses the home, hotspot or LA under the cross, or places what an
 * armed tool (the radius's centre, a proposed home) waits for. MapLibre's own keyboard handler already
 * pans with the arrow keys and zooms with + and -. Returns the function that detaches it.
 */
export function attachKeyboardSelect(map: KeyboardSelectMap): () => void {
	const canvas = map.getCanvas();
	const onKeydown = (event: KeyboardEvent) => {
		if ((event.key !== 'Enter' && event.key !== ' ') || event.altKey || event.ctrlKey || event.metaKey)
			return;
		event.preventDefault();
		const point = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
		map.fire('click', { point, lngLat: map.unproject([point.x, point.y]), originalEvent: event });
	};
	canvas.addEventListener('keydown', onKeydown);
	return () => canvas.removeEventListener('keydown', onKeydown);
}
