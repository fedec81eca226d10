import { getContext, setContext } from 'svelte';
import type { MapRoom } from './map-room.svelte';

const KEY = Symbol('map-room');

/**
 * Shares the page's one MapRoom with the components under it (presence, scenarios, notes, exports); a
 * getter, since the room opens once the page is in the browser.
 */
export function setMapRoom(room: () => MapRoom | null): void {
	setContext(KEY, room);
}

/** The page's MapRoom, or null outside a region's map (England has no workshop). */
export function getMapRoom(): MapRoom | null {
	return (getContext(KEY) as (() => MapRoom | null) | undefined)?.() ?? null;
}
