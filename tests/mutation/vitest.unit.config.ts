import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** The unit tests alone (vite.config.ts's `unit` project), for the mutation run over pure modules. */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		// Each property test re-runs once per mutant it covers: a small sample each time (property-runs.ts).
		env: { PROPERTY_RUNS: '30' }
	}
});
