import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-delay';

describe('reconnectDelayMs', () => {
	it('doubles the ceiling per attempt up to the maximum', () => {
		const top = (attempt: number) => reconnectDelayMs(attempt, { random: () => 1 });
		expect([0, 1, 2, 3].map(top)).toEqual([250, 500, 1000, 2000]);
		expect(top(10)).toBe(10_000);
		expect(top(1000)).toBe(10_000);
	});

	it('waits between half the ceiling and the ceiling', () => {
		expect(reconnectDelayMs(2, { random: () => 0 })).toBe(500);
		expect(reconnectDelayMs(2, { random: () => 0.5 })).toBe(750);
	});

	it('spreads many clients over the window', () => {
		const delays = Array.from({ length: 1000 }, () => reconnectDelayMs(3));
		const buckets = new Set(delays.map((delay) => Math.floor(delay / 100)));
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
		expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
		expect(buckets.size).toBeGreaterThanOrEqual(9); // not all in one moment
	});
});
