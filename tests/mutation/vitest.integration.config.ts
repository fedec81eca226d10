import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * The tests that exercise the database- and socket-bound modules of the mutation run: the unit tests
 * beside them and the integration suites that reach them. Several of these modules are reached only
 * through the app served by Vite (not through the test's own imports), so Stryker runs with
 * `related: false` and per-test coverage, and each mutant runs only the tests that executed it.
 */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['server/collab/*.test.ts', 'tests/integration/collab-persistence*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 180_000,
		fileParallelism: false
	}
});
