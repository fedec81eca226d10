import { describe, expect, it } from 'vitest';
import { attachKeyboardSelect, type KeyboardSelectMap } from './keyboard-select';

function fakeMap() {
	const canvas = new EventTarget() as EventTarget & { clientWidth: number; clientHeight: number };
	Object.assign(canvas, { clientWidth: 800, clientHeight: 600 });
	const fired: { type: string; properties: { point: { x: number; y: number }; lngLat: unknown } }[] = [];
	const map = {
		getCanvas: () => canvas,
		unproject: ([x, y]: [number, number]) => ({ lng: x / 100, lat: y / 100 }),
		fire: (type: string, properties: never) => {
			fired.push({ type, properties });
			return map;
		}
	} as unknown as KeyboardSelectMap;
	// Node has Event but no KeyboardEvent: the fields the handler reads, on a plain event.
	const press = (key: string, modifiers: { ctrlKey?: boolean } = {}) => {
		const event = Object.assign(new Event('keydown', { cancelable: true }), {
			key,
			altKey: false,
			ctrlKey: false,
			metaKey: false,
			...modifiers
		});
		canvas.dispatchEvent(event);
		return event;
	};
	return { map, fired, press };
}

describe('attachKeyboardSelect', () => {
	it('clicks the centre of the map on Enter and on Space, and takes the key', () => {
		const { map, fired, press } = fakeMap();
		attachKeyboardSelect(map);
		expect(press('Enter').defaultPrevented).toBe(true);
		press(' ');
		expect(fired).toEqual([
			{
				type: 'click',
				properties: expect.objectContaining({ point: { x: 400, y: 300 }, lngLat: { lng: 4, lat: 3 } })
			},
			{ type: 'click', properties: expect.objectContaining({ point: { x: 400, y: 300 } }) }
		]);
	});

	it('leaves other keys, and Enter with a modifier, to the browser and MapLibre', () => {
		const { map, fired, press } = fakeMap();
		attachKeyboardSelect(map);
		expect(press('ArrowLeft').defaultPrevented).toBe(false);
		press('+');
		press('Enter', { ctrlKey: true });
		expect(fired).toEqual([]);
	});

	it('stops once detached', () => {
		const { map, fired, press } = fakeMap();
		attachKeyboardSelect(map)();
		press('Enter');
		expect(fired).toEqual([]);
	});
});
