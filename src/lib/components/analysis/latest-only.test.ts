import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only';

function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

describe('latestOnly', () => {
	it('runs one call at a time and only the newest of those that waited', async () => {
		const started: number[] = [];
		const gates = new Map<number, ReturnType<typeof deferred<number>>>();
		const call = latestOnly((n: number) => {
			started.push(n);
			const gate = deferred<number>();
			gates.set(n, gate);
			return gate.promise;
		});
		const first = call(1);
		const second = call(2);
		const third = call(3);
		expect(started).toEqual([1]);
		expect(await second).toBeNull();
		gates.get(1)!.resolve(10);
		expect(await first).toBe(10);
		await Promise.resolve();
		expect(started).toEqual([1, 3]);
		gates.get(3)!.resolve(30);
		expect(await third).toBe(30);
	});

	it('passes a failure to its caller and goes on with the next call', async () => {
		const call = latestOnly(async (n: number) => {
			if (n === 1) throw new Error('boom');
			return n;
		});
		await expect(call(1)).rejects.toThrow('boom');
		expect(await call(2)).toBe(2);
	});
});
