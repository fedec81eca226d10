import { describe, expect, it } from 'vitest';
import { noPlaces, unitCostsWithDefaults, weeklyCost } from './weekly-cost';

describe('weeklyCost', () => {
	it('prices each kind of place at its unit cost, defaults filling the gaps', () => {
		const costs = unitCostsWithDefaults({ childrens_home: 6000 });
		expect(costs.fostering).toBe(900);
		expect(weeklyCost({ ...noPlaces(), childrens_home: 4, fostering: 10 }, costs)).toBe(4 * 6000 + 10 * 900);
	});

	it('counts places taken away as a saving', () => {
		expect(weeklyCost({ ...noPlaces(), secure: -2 }, unitCostsWithDefaults(null))).toBe(-16000);
	});
});
