import { describe, expect, it, vi } from 'vitest';
import { drawWhenStyleReady, type SettlingMap } from './draw-when-style-ready';

/** A map whose 'idle' listeners run when the test says the map has settled. */
function settlingMap() {
	const listeners: (() => void)[] = [];
	const map = {
		once: (type: string, listener: () => void) => {
			expect(type).toBe('idle');
			listeners.push(listener);
			return map;
		}
	} as unknown as SettlingMap;
	return {
		map,
		waiting: () => listeners.length,
		settle: () => listeners.splice(0).forEach((listener) => listener())
	};
}

const loading = () => new Error('Style is not done loading.');

describe('drawWhenStyleReady', () => {
	it('draws at once when the style is ready, leaving nothing waiting', () => {
		const { map, waiting } = settlingMap();
		const draw = vi.fn();
		drawWhenStyleReady(map, draw);
		expect(draw).toHaveBeenCalledTimes(1);
		expect(waiting()).toBe(0);
	});

	it('draws again once the map settles when the style was still loading', () => {
		const { map, settle, waiting } = settlingMap();
		let ready = false;
		const drawn: string[] = [];
		const draw = () => {
			if (!ready) throw loading();
			drawn.push('drawn');
		};
		drawWhenStyleReady(map, draw);
		expect(drawn).toEqual([]);
		expect(waiting()).toBe(1);
		ready = true;
		settle();
		expect(drawn).toEqual(['drawn']);
		expect(waiting()).toBe(0);
	});

	it('queues one retry per draw however often it is asked, and keeps waiting while loading', () => {
		const { map, settle, waiting } = settlingMap();
		const draw = vi.fn(() => {
			throw loading();
		});
		const other = vi.fn(() => {
			throw loading();
		});
		drawWhenStyleReady(map, draw);
		drawWhenStyleReady(map, draw);
		drawWhenStyleReady(map, other);
		expect(waiting()).toBe(2);
		settle();
		// Still loading after the first idle: each waits again, once.
		expect(waiting()).toBe(2);
		expect(draw).toHaveBeenCalledTimes(3);
	});

	it('throws any other error rather than hiding a bug behind retries', () => {
		const { map, waiting } = settlingMap();
		expect(() =>
			drawWhenStyleReady(map, () => {
				throw new TypeError('bad layer');
			})
		).toThrow('bad layer');
		expect(waiting()).toBe(0);
	});
});
