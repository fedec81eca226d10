import type { MapPresence } from './presence-state';

/** A readable map presence for tests, with what a test cares about overridden. */
export function presenceOf(
	clientId: number,
	user: Partial<MapPresence['user']> = {},
	map: Partial<MapPresence['map']> = {},
	handOff: MapPresence['handOff'] = null
): MapPresence {
	return {
		clientId,
		user: {
			id: clientId * 10,
			name: `Person ${clientId}`,
			laCode: null,
			colour: '#0072B2',
			admin: false,
			...user
		},
		map: {
			cursor: null,
			view: { center: [-2, 53], zoom: 8, bearing: 0, pitch: 0, corners: null, sceneId: null },
			following: null,
			presenting: false,
			...map
		},
		handOff
	};
}

export const byClient = (...presences: MapPresence[]) => new Map(presences.map((p) => [p.clientId, p]));
