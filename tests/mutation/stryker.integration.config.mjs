// @ts-check
import shared from './stryker.shared.mjs';

/**
 * Sessions, sign-in, throttling, request guards and the collaboration server against the real embedded
 * database: slower per mutant (each test file sets up its database and servers again), so its own run
 * and incremental file.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	...shared,
	vitest: { configFile: 'tests/mutation/vitest.integration.config.ts', related: false },
	mutate: [
		'src/lib/server/auth/sessions.ts',
		'src/lib/server/auth/sign-in.ts',
		'src/lib/server/auth/throttle.ts',
		'src/lib/server/auth/request-guard.ts',
		'server/collab/server.ts',
		'server/collab/room.ts',
		'server/collab/postgres-persistence.ts'
	],
	incrementalFile: 'reports/stryker-incremental-integration.json',
	jsonReporter: { fileName: 'reports/mutation/integration.json' },
	htmlReporter: { fileName: 'reports/mutation/integration.html' },
	timeoutMS: 30_000
};
