// @ts-check
import shared from './stryker.shared.mjs';

/**
 * Modules tested against the real embedded database: slower per mutant (each test file sets up its
 * database again), so their own run and incremental file.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	...shared,
	vitest: { configFile: 'tests/mutation/vitest.integration.config.ts', related: false },
	// Sessions and sign-in (tests/integration/auth-sessions.test.ts), the collaboration server's rooms,
	// connections and upgrade and throttle.ts are not mutated yet: each mutant would cost a minute or
	// more on the loaded 2-core machine (docs/mutation.md, "Not yet in the gate").
	mutate: ['server/collab/postgres-persistence.ts'],
	incrementalFile: 'reports/stryker-incremental-integration.json',
	jsonReporter: { fileName: 'reports/mutation/integration.json' },
	htmlReporter: { fileName: 'reports/mutation/integration.html' },
	timeoutMS: 30_000,
	// The initial run opens a database per suite and signs people in: minutes on a loaded machine.
	dryRunTimeoutMinutes: 20
};
