/**
 * "This person's sessions or roles changed": said by the places that end sessions or change roles
 * (sign-out, password change, role changes) and heard by the collaboration server, which checks that
 * person's open sockets again at once instead of at its next periodic check (server/collab/server.ts).
 *
 * The SvelteKit bundle (which signs people out) and server/index.ts (which runs the collaboration
 * server) each get their own copy of this module under `npm start`, so listeners live under a global
 * symbol, as runtime.ts keeps the database. lib/server must not import server/collab: this module is
 * the meeting point.
 */
const KEY = Symbol.for('close-to-home.session-events');
type Listener = (userId: string) => void;
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
	return ((globalThis as Holder)[KEY] ??= new Set());
}

/** Call after the change is committed: listeners read the database. */
export function sessionsChanged(userId: number | string): void {
	for (const listener of listeners()) listener(String(userId));
}

/** Returns the function that stops listening. */
export function onSessionsChanged(listener: Listener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}
