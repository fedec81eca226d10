import { describe, expect, it } from 'vitest';
import { createRateLimiter, defaultRateLimits } from './rate-limit';

const limits = { messagesPerSecond: 10, messagesBurst: 5, bytesPerSecond: 1000, bytesBurst: 2000 };

describe('createRateLimiter', () => {
	it('allows a burst, then refills at the rate', () => {
		let time = 0;
		const limiter = createRateLimiter(limits, () => time);
		for (let i = 0; i < 5; i++) expect(limiter.take(10)).toBe(true);
		expect(limiter.take(10)).toBe(false);
		time += 100; // one message's worth at 10/s
		expect(limiter.take(10)).toBe(true);
		expect(limiter.take(10)).toBe(false);
	});

	it('limits bytes as well as messages', () => {
		let time = 0;
		const limiter = createRateLimiter(limits, () => time);
		expect(limiter.take(1500)).toBe(true);
		expect(limiter.take(600)).toBe(false);
		time += 100; // 100 bytes refilled: 600 available
		expect(limiter.take(600)).toBe(true);
	});

	it('never stores more than the burst', () => {
		let time = 0;
		const limiter = createRateLimiter(limits, () => time);
		time += 60_000;
		let allowed = 0;
		while (limiter.take(1)) allowed++;
		expect(allowed).toBe(5);
	});

	it('by default lets a connection send 8 MiB at once, then 1 MiB a second; 300 messages, then 100 a second', () => {
		const MIB = 1024 * 1024;
		let time = 0;
		const bytes = createRateLimiter(defaultRateLimits, () => time);
		expect(bytes.take(8 * MIB)).toBe(true);
		expect(bytes.take(1)).toBe(false);
		time += 1000;
		expect(bytes.take(MIB)).toBe(true);
		expect(bytes.take(1)).toBe(false);

		const messages = createRateLimiter(defaultRateLimits, () => time);
		let allowed = 0;
		while (messages.take(1)) allowed++;
		expect(allowed).toBe(300);
		time += 1000;
		allowed = 0;
		while (messages.take(1)) allowed++;
		expect(allowed).toBe(100);
	});
});
