import { describe, expect, it } from 'vitest';
import { ARMED_CLASS, MapClickTool } from './map-click-tool.svelte';

describe('MapClickTool', () => {
	it('gives the next click to the armed tool, once', () => {
		const tool = new MapClickTool();
		const picked: [number, number][] = [];
		tool.arm('radius', (at) => picked.push(at));
		expect(tool.armed).toBe('radius');
		expect(tool.pick([-2.2, 53.5])).toBe(true);
		expect(tool.pick([-2.3, 53.4])).toBe(false);
		expect(picked).toEqual([[-2.2, 53.5]]);
		expect(tool.armed).toBeNull();
	});

	it('disarms one tool when the other is armed, telling the first', () => {
		const tool = new MapClickTool();
		const log: string[] = [];
		tool.arm(
			'radius',
			() => log.push('radius picked'),
			() => log.push('radius cancelled')
		);
		tool.arm('proposed-home', () => log.push('home picked'));
		expect(tool.armed).toBe('proposed-home');
		tool.pick([0, 51]);
		expect(log).toEqual(['radius cancelled', 'home picked']);
	});

	it('cancels only the tool named', () => {
		const tool = new MapClickTool();
		tool.arm('radius', () => {});
		expect(tool.cancel('proposed-home')).toBe(false);
		expect(tool.armed).toBe('radius');
		expect(tool.cancel('radius')).toBe(true);
		expect(tool.cancel()).toBe(false);
	});

	it('takes Escape only while a tool is armed', () => {
		const tool = new MapClickTool();
		const escape = () => {
			const event = { key: 'Escape', defaultPrevented: false, preventDefault: () => {} };
			event.preventDefault = () => (event.defaultPrevented = true);
			tool.onkeydown(event as unknown as KeyboardEvent);
			return event.defaultPrevented;
		};
		expect(escape()).toBe(false);
		let cancelled = false;
		tool.arm(
			'proposed-home',
			() => {},
			() => (cancelled = true)
		);
		expect(escape()).toBe(true);
		expect(cancelled).toBe(true);
		expect(tool.armed).toBeNull();
	});

	it("follows the map's clicks and marks the map while armed, until detached", () => {
		const tool = new MapClickTool();
		const classes = new Set<string>();
		let listener: ((event: { lngLat: { lng: number; lat: number } }) => void) | null = null;
		const map = {
			on: (_type: string, handler: typeof listener) => (listener = handler),
			off: () => (listener = null),
			getCanvasContainer: () => ({
				classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) }
			})
		};
		const detach = tool.attach(map as never);
		expect(classes.has(ARMED_CLASS)).toBe(false);
		const picked: [number, number][] = [];
		tool.arm('radius', (at) => picked.push(at));
		expect(classes.has(ARMED_CLASS)).toBe(true);
		listener!({ lngLat: { lng: -2, lat: 53 } });
		expect(picked).toEqual([[-2, 53]]);
		expect(classes.has(ARMED_CLASS)).toBe(false);
		detach();
		expect(listener).toBeNull();
	});
});
