import type { CollabStatus } from './server';

/**
 * The running collaboration server's status, for `/healthz`. server/index.ts (run by tsx) and the
 * SvelteKit bundle each get their own copy of this module, so the status is kept under a global symbol
 * (as runtime.ts keeps the database).
 */
const KEY = Symbol.for('close-to-home.collab-status');
type Holder = { [KEY]?: () => CollabStatus };

export function publishCollabStatus(read: (() => CollabStatus) | undefined): void {
	(globalThis as Holder)[KEY] = read;
}

/** Undefined when no collaboration server runs in this process (yet). */
export function readCollabStatus(): CollabStatus | undefined {
	return (globalThis as Holder)[KEY]?.();
}
