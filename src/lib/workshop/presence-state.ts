/**
 * Presence on the workshop map (`map:<rccId>`), as awareness carries it (synced, never stored):
 *
 *   user    { name, laCode, colour, id, admin }   written by the server over whatever the client claims
 *                                                 (server/collab/stamp-awareness.ts)
 *   map     { cursor: [lng, lat] | null, view: MapPresenceView | null, following: clientId | null,
 *             presenting: boolean }
 *   handOff { to: user id } | null                 an RCC administrator handing facilitation to someone
 *                                                 (the server clears it for anyone else)
 *
 * Awareness comes from other people's browsers: every state is read through `readMapPresence`, which
 * turns anything malformed into null (ignored) rather than trusting its shape.
 */

export type LngLat = [lng: number, lat: number];

/** What someone is looking at: their camera, the corners of what their screen shows, and the scene. */
export interface MapPresenceView {
	center: LngLat;
	zoom: number;
	bearing: number;
	pitch: number;
	/** The visible area's corners (top left, top right, bottom right, bottom left), for the outline. */
	corners: [LngLat, LngLat, LngLat, LngLat] | null;
	/** The scene being shown, when a facilitator stepped to one: followers show its layers too. */
	sceneId: string | null;
}

export interface MapPresenceFields {
	cursor: LngLat | null;
	view: MapPresenceView | null;
	/** The awareness client id of the person whose view this one follows. */
	following: number | null;
	/** Asks everyone to follow this person (honoured only for a facilitator: `facilitators`). */
	presenting: boolean;
}

export interface MapPresenceUser {
	/** The person's account id (server-stamped): what a hand-off names. */
	id: number | string | null;
	name: string;
	/** ONS code of their LA; null for someone without one (an administrator, a viewer). */
	laCode: string | null;
	colour: string;
	/** An administrator of this RCC (server-stamped). */
	admin: boolean;
}

export interface MapPresence {
	clientId: number;
	user: MapPresenceUser;
	map: MapPresenceFields;
	handOff: { to: number | string } | null;
}

/** The local state a map page publishes; `user` is overwritten by the server. */
export interface MapAwarenessState {
	user: { name: string; laCode: string | null; colour: string };
	map: MapPresenceFields;
	handOff: { to: number | string } | null;
}

export const emptyMapFields: MapPresenceFields = {
	cursor: null,
	view: null,
	following: null,
	presenting: false
};

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const LA_CODE = /^E\d{8}$/;
const FALLBACK_COLOUR = '#505a5f';
/** Longer names are cut: a label is not a place for an essay. */
const MAX_NAME = 80;
const MAX_SCENE_ID = 64;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A WGS84 position, or null for anything else (out-of-range numbers included). */
export function readLngLat(value: unknown): LngLat | null {
	if (!Array.isArray(value) || value.length !== 2) return null;
	const [lng, lat] = value;
	if (!finite(lng) || !finite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
	return [lng, lat];
}

export function readView(value: unknown): MapPresenceView | null {
	if (!isRecord(value)) return null;
	const center = readLngLat(value.center);
	const { zoom, bearing, pitch } = value;
	if (!center || !finite(zoom) || zoom < 0 || zoom > 24) return null;
	let corners: MapPresenceView['corners'] = null;
	if (Array.isArray(value.corners) && value.corners.length === 4) {
		const read = value.corners.map(readLngLat);
		if (read.every((corner) => corner !== null)) corners = read as MapPresenceView['corners'];
	}
	const sceneId =
		typeof value.sceneId === 'string' && value.sceneId.length > 0 && value.sceneId.length <= MAX_SCENE_ID
			? value.sceneId
			: null;
	return {
		center,
		zoom,
		bearing: finite(bearing) ? ((bearing % 360) + 360) % 360 : 0,
		pitch: finite(pitch) ? Math.min(Math.max(pitch, 0), 85) : 0,
		corners,
		sceneId
	};
}

function readUser(value: unknown): MapPresenceUser | null {
	if (!isRecord(value) || typeof value.name !== 'string' || value.name.trim() === '') return null;
	const id = typeof value.id === 'number' || typeof value.id === 'string' ? value.id : null;
	return {
		id,
		name: value.name.trim().slice(0, MAX_NAME),
		laCode: typeof value.laCode === 'string' && LA_CODE.test(value.laCode) ? value.laCode : null,
		colour: typeof value.colour === 'string' && COLOUR.test(value.colour) ? value.colour : FALLBACK_COLOUR,
		admin: value.admin === true
	};
}

/** One awareness state as map presence, or null when it is not one (a plan caret, garbage, nothing). */
export function readMapPresence(clientId: number, state: unknown): MapPresence | null {
	if (!isRecord(state)) return null;
	const user = readUser(state.user);
	if (!user) return null;
	const map = isRecord(state.map) ? state.map : {};
	const following =
		typeof map.following === 'number' && Number.isSafeInteger(map.following) && map.following >= 0
			? map.following
			: null;
	const handOff =
		isRecord(state.handOff) && (typeof state.handOff.to === 'number' || typeof state.handOff.to === 'string')
			? { to: state.handOff.to }
			: null;
	return {
		clientId,
		user,
		map: {
			cursor: readLngLat(map.cursor),
			view: readView(map.view),
			following: following === clientId ? null : following,
			presenting: map.presenting === true
		},
		handOff
	};
}

/** Every readable map presence among awareness states, by client id. */
export function readMapPresences(states: Map<number, unknown>): Map<number, MapPresence> {
	const read = new Map<number, MapPresence>();
	for (const [clientId, state] of states) {
		const presence = readMapPresence(clientId, state);
		if (presence) read.set(clientId, presence);
	}
	return read;
}

export function noPresences(): Map<number, MapPresence> {
	return new Map();
}
