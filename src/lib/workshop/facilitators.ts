import type { MapPresence } from './presence-state';

/**
 * Who may bring everyone to their view: each RCC administrator in the room, or the person an
 * administrator handed facilitation to (then not the administrator, until they take it back). Both the
 * server (which clears `presenting` for anyone else) and every browser (which follows no one else) apply
 * this rule, to states whose `user.id` and `user.admin` the server stamped.
 */
export function facilitatorIds(presences: Iterable<MapPresence>): Set<number | string> {
	const ids = new Set<number | string>();
	for (const presence of presences) {
		if (!presence.user.admin) continue;
		const id = presence.handOff?.to ?? presence.user.id;
		if (id !== null) ids.add(id);
	}
	return ids;
}

/**
 * The presenter everyone is brought to: a facilitator who is presenting (should two be, the one with
 * the lowest client id, so that every browser picks the same), or null.
 */
export function presenter(presences: Iterable<MapPresence>): MapPresence | null {
	const all = [...presences];
	const allowed = facilitatorIds(all);
	let chosen: MapPresence | null = null;
	for (const presence of all) {
		if (!presence.map.presenting || presence.user.id === null || !allowed.has(presence.user.id)) continue;
		if (!chosen || presence.clientId < chosen.clientId) chosen = presence;
	}
	return chosen;
}
