// @ts-check
import shared from './stryker.shared.mjs';

/**
 * The pure modules and those whose unit tests reach them: fast per mutant, so vitest's related mode
 * picks the test files that import each mutated file.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	...shared,
	vitest: { configFile: 'tests/mutation/vitest.unit.config.ts' },
	mutate: [
		'src/lib/domain/suppression.ts',
		'src/lib/domain/suppress-related.ts',
		'src/lib/server/analysis/suppress-*.ts',
		'!src/lib/server/analysis/*.test.ts',
		'src/lib/domain/analysis/coverage-gaps.ts',
		'src/lib/domain/hotspots.ts',
		'src/lib/domain/analysis/what-if.ts',
		'src/lib/server/access.ts',
		'server/collab/authorize-document.ts',
		'server/collab/rate-limit.ts',
		'server/collab/stamp-awareness.ts',
		'server/collab/read-cookie.ts',
		'src/lib/server/auth/cookie.ts',
		'src/lib/server/auth/password.ts',
		'src/lib/server/auth/request-protocol.ts'
	],
	incrementalFile: 'reports/stryker-incremental-unit.json',
	jsonReporter: { fileName: 'reports/mutation/unit.json' },
	htmlReporter: { fileName: 'reports/mutation/unit.html' }
};
