import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
	it('repeats its sequence for the same seed and differs for another', () => {
		const a = createRandom('seed');
		const b = createRandom('seed');
		const c = createRandom('other');
		const take = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
		const first = take(a);
		expect(take(b)).toEqual(first);
		expect(take(c)).not.toEqual(first);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('draws in proportion to weights and never picks a zero weight', () => {
		const random = createRandom('weights');
		const counts = [0, 0, 0];
		for (let i = 0; i < 10_000; i++) counts[random.weightedIndex([1, 0, 3])] += 1;
		expect(counts[1]).toBe(0);
		expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
		expect(counts[2] / counts[0]).toBeLessThan(3.3);
		expect(random.weightedIndex([0, 0])).toBe(-1);
	});

	it('forks independent streams by label', () => {
		const one = createRandom('x').fork('a').next();
		expect(createRandom('x').fork('a').next()).toBe(one);
		expect(createRandom('x').fork('b').next()).not.toBe(one);
	});

	it('gives integers within bounds and standard normals', () => {
		const random = createRandom('range');
		const values = Array.from({ length: 2000 }, () => random.integer(3, 5));
		expect(new Set(values)).toEqual(new Set([3, 4, 5]));
		const normals = Array.from({ length: 5000 }, () => random.normal());
		const mean = normals.reduce((a, b) => a + b) / normals.length;
		expect(Math.abs(mean)).toBeLessThan(0.05);
	});
});
