import { afterEach, describe, expect, it, vi } from 'vitest';
import { propertyRuns } from './property-runs';

describe('propertyRuns', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('gives the full count when PROPERTY_RUNS is unset', () => {
		vi.stubEnv('PROPERTY_RUNS', undefined);
		expect(propertyRuns(1000)).toBe(1000);
	});

	it('gives PROPERTY_RUNS when it is smaller', () => {
		vi.stubEnv('PROPERTY_RUNS', '50');
		expect(propertyRuns(1000)).toBe(50);
	});

	it('never gives more than the full count', () => {
		vi.stubEnv('PROPERTY_RUNS', '5000');
		expect(propertyRuns(1000)).toBe(1000);
	});

	it.each(['0', '-3', '2.5', 'many', ''])('ignores PROPERTY_RUNS=%j', (value) => {
		vi.stubEnv('PROPERTY_RUNS', value);
		expect(propertyRuns(1000)).toBe(1000);
	});
});
