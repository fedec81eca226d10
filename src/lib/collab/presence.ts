import type { Awareness } from 'y-protocols/awareness';

/**
 * Presence rides on Yjs awareness (synced, never stored). State shape, shared by everyone in a document:
 * `{ user: { name, la, color, id? }, cursor, viewport }`. `user.color` (not colour) and `user.name` are the
 * fields Tiptap's collaboration caret reads. The server overwrites `user.id`, `user.name` and `user.la`
 * with the signed-in person's (server/collab/stamp-awareness.ts), so they cannot be spoofed.
 */
export interface PresenceUser {
	name: string;
	/** ONS code of the person's LA, if any. */
	la: string | null;
	color: string;
}

/** The pointer on the map, WGS84. */
export interface PresenceCursor {
	lon: number;
	lat: number;
}

/** What someone is looking at, for "follow the presenter". */
export interface PresenceViewport {
	center: [lon: number, lat: number];
	zoom: number;
	bearing: number;
	pitch: number;
}

export interface PresenceState {
	user: PresenceUser & { id?: number | string };
	cursor: PresenceCursor | null;
	viewport: PresenceViewport | null;
}

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies (yellow left out: too pale on white). */
export const PRESENCE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/** A stable colour per person. */
export function presenceColour(key: string | number): string {
	let hash = 0;
	for (const char of String(key)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length];
}

export interface Presence {
	setCursor(cursor: PresenceCursor | null): void;
	setViewport(viewport: PresenceViewport | null): void;
	/** Everyone else present, by awareness client id. */
	others(): Map<number, PresenceState>;
	destroy(): void;
}

export interface PresenceOptions {
	user: PresenceUser;
	/** At most one cursor/viewport change per this many milliseconds: 200 ms is 5 a second. */
	intervalMs?: number;
	now?: () => number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

/**
 * The local person's presence in one document. Cursor and viewport changes are throttled (the latest
 * value goes out at most every `intervalMs`, trailing edge) and sent only when they differ from what was
 * last sent: a map emitting mousemove at 60 Hz costs the room 5 messages a second, a still one none.
 */
export function createPresence(awareness: Awareness, options: PresenceOptions): Presence {
	const intervalMs = options.intervalMs ?? 200;
	const now = options.now ?? (() => performance.now());
	const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
	const clearTimer =
		options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));

	awareness.setLocalState({ user: options.user, cursor: null, viewport: null } satisfies PresenceState);
	let pending: Partial<Pick<PresenceState, 'cursor' | 'viewport'>> = {};
	let lastSentAt = -Infinity;
	let timer: unknown = null;

	const flush = () => {
		timer = null;
		const current = awareness.getLocalState() as PresenceState | null;
		if (!current) return;
		const changed = Object.entries(pending).filter(
			([key, value]) => !sameJson(current[key as keyof PresenceState], value)
		);
		pending = {};
		if (changed.length === 0) return;
		awareness.setLocalState({ ...current, ...Object.fromEntries(changed) });
		lastSentAt = now();
	};

	const schedule = () => {
		if (timer !== null) return;
		const wait = lastSentAt + intervalMs - now();
		if (wait <= 0) flush();
		else timer = setTimer(flush, wait);
	};

	return {
		setCursor(cursor) {
			pending.cursor = cursor;
			schedule();
		},
		setViewport(viewport) {
			pending.viewport = viewport;
			schedule();
		},
		others() {
			const others = new Map<number, PresenceState>();
			for (const [clientId, state] of awareness.getStates()) {
				if (clientId !== awareness.clientID && isPresence(state)) others.set(clientId, state);
			}
			return others;
		},
		destroy() {
			if (timer !== null) clearTimer(timer);
			timer = null;
			awareness.setLocalState(null);
		}
	};
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isPresence(state: unknown): state is PresenceState {
	if (typeof state !== 'object' || state === null) return false;
	const user = (state as { user?: unknown }).user;
	return typeof user === 'object' && user !== null && typeof (user as { name?: unknown }).name === 'string';
}
