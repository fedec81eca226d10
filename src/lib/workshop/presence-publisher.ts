import type { Awareness } from 'y-protocols/awareness';
import {
	emptyMapFields,
	readMapPresences,
	type MapAwarenessState,
	type MapPresence,
	type MapPresenceFields
} from './presence-state';

export interface MapPresencePublisher {
	setCursor(cursor: MapPresenceFields['cursor']): void;
	setView(view: MapPresenceFields['view']): void;
	setFollowing(clientId: number | null): void;
	setPresenting(presenting: boolean): void;
	/** An administrator hands facilitation to someone (their user id), or takes it back (null). */
	setHandOff(to: number | string | null): void;
	/** Everyone on the map, this browser included, readable states only. */
	everyone(): Map<number, MapPresence>;
	destroy(): void;
}

export interface MapPresenceOptions {
	user: MapAwarenessState['user'];
	/** At most one awareness message per this many milliseconds: 200 ms is 5 a second. */
	intervalMs?: number;
	now?: () => number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

/**
 * This browser's presence on the workshop map. As the plan's carets (src/lib/collab/presence.ts), every
 * change is throttled (the latest values go out at most every `intervalMs`, leading and trailing edge)
 * and sent only when something differs from what was last sent: a pointer moving at 60 Hz costs the
 * room 5 messages a second, a still one none. Following and presenting ride the same throttle, so no
 * mix of changes goes over the rate.
 */
export function createMapPresence(awareness: Awareness, options: MapPresenceOptions): MapPresencePublisher {
	const intervalMs = options.intervalMs ?? 200;
	const now = options.now ?? (() => performance.now());
	const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
	const clearTimer =
		options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));

	let sent: MapAwarenessState = { user: options.user, map: { ...emptyMapFields }, handOff: null };
	awareness.setLocalState(sent);
	let next: MapAwarenessState = sent;
	let lastSentAt = -Infinity;
	let timer: unknown = null;

	const flush = () => {
		timer = null;
		if (JSON.stringify(next) === JSON.stringify(sent)) return;
		sent = next;
		awareness.setLocalState(sent);
		lastSentAt = now();
	};
	const change = (update: (state: MapAwarenessState) => MapAwarenessState) => {
		next = update(next);
		if (timer !== null) return;
		const wait = lastSentAt + intervalMs - now();
		if (wait <= 0) flush();
		else timer = setTimer(flush, wait);
	};
	const setField = <K extends keyof MapPresenceFields>(key: K, value: MapPresenceFields[K]) =>
		change((state) => ({ ...state, map: { ...state.map, [key]: value } }));

	return {
		setCursor: (cursor) => setField('cursor', cursor),
		setView: (view) => setField('view', view),
		setFollowing: (clientId) => setField('following', clientId),
		setPresenting: (presenting) => setField('presenting', presenting),
		setHandOff: (to) => change((state) => ({ ...state, handOff: to === null ? null : { to } })),
		everyone: () => readMapPresences(awareness.getStates()),
		destroy() {
			if (timer !== null) clearTimer(timer);
			timer = null;
			awareness.setLocalState(null);
		}
	};
}
