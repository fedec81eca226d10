import type { CurrentUser } from '$lib/domain/types';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			runtime: Runtime;
			/** The signed-in user (src/hooks.server.ts), null when anonymous. */
			user: CurrentUser | null;
			/** A session cookie came with the request but its session had ended. */
			sessionExpired: boolean;
		}
	}
}

export {};
