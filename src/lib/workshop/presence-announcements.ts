import { presenter } from './facilitators';
import type { MapPresence } from './presence-state';

/** How a person is named to others: "Asha Patel (Kent)", or the name alone without an LA. */
export function personLabel(user: MapPresence['user'], laNames: ReadonlyMap<string, string>): string {
	const la = user.laCode ? (laNames.get(user.laCode) ?? user.laCode) : null;
	return la ? `${user.name} (${la})` : user.name;
}

/** Everyone's label, by client id. */
export function personLabels(
	presences: Iterable<MapPresence>,
	laNames: ReadonlyMap<string, string>
): Map<number, string> {
	return new Map([...presences].map((presence) => [presence.clientId, personLabel(presence.user, laNames)]));
}

/**
 * What changed among the others on the map, in sentences for a polite live region: arrivals and
 * departures, who started or stopped presenting, and the scene a presenter moved to. Cursor and view
 * movements are not announced (they change five times a second).
 */
export function presenceAnnouncements(
	before: Map<number, MapPresence>,
	after: Map<number, MapPresence>,
	options: { me: number; laNames: ReadonlyMap<string, string>; sceneName: (id: string) => string | null }
): string[] {
	const said: string[] = [];
	const label = (presence: MapPresence) => personLabel(presence.user, options.laNames);
	for (const [clientId, presence] of after) {
		if (clientId !== options.me && !before.has(clientId)) said.push(`${label(presence)} joined the map.`);
	}
	for (const [clientId, presence] of before) {
		if (clientId !== options.me && !after.has(clientId)) said.push(`${label(presence)} left the map.`);
	}
	const was = presenter(before.values());
	const is = presenter(after.values());
	if (is && is.clientId !== was?.clientId && is.clientId !== options.me)
		said.push(`${label(is)} started presenting.`);
	if (was && !is && was.clientId !== options.me && after.has(was.clientId))
		said.push(`${label(was)} stopped presenting.`);
	const scene = is?.map.view?.sceneId ?? null;
	if (is && scene && is.clientId !== options.me && scene !== (was?.map.view?.sceneId ?? null)) {
		const name = options.sceneName(scene);
		if (name) said.push(`Scene: ${name}.`);
	}
	return said;
}
