import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			runtime: Runtime;
		}
	}
}

export {};
