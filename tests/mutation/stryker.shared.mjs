// @ts-check
/**
 * Settings of both mutation runs (`npm run test:mutation`). The score gate is per module
 * (check-scores.ts), so Stryker's global `thresholds.break` stays off.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	testRunner: 'vitest',
	checkers: ['typescript'],
	tsconfigFile: 'tests/mutation/tsconfig.json',
	coverageAnalysis: 'perTest',
	concurrency: 2,
	incremental: true,
	ignorePatterns: ['/data', '/build', '/test-results', '/bench-results', '/reports', '/playwright-report'],
	reporters: ['clear-text', 'progress', 'json', 'html'],
	tempDirName: '.stryker-tmp',
	thresholds: { high: 90, low: 85, break: null }
};
