import path from 'node:path';

/** Screenshots are kept (and looked at) under test-results/screenshots. */
export function screenshotPath(name: string): string {
	return path.resolve(import.meta.dirname, '../../test-results/screenshots', `${name}.png`);
}
