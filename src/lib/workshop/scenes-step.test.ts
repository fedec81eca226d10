import { describe, expect, it } from 'vitest';
import type { Scene } from './schema';
import { sceneVisibility, stepScene } from './scenes-step';

const scene = (id: string): Scene => ({
	id,
	name: `Scene ${id}`,
	view: { center: [-2.2, 53.4], zoom: 9, bearing: 0, pitch: 0 },
	layers: ['boundaries', 'homes'],
	filters: {}
});

describe('stepScene', () => {
	const scenes = [scene('a'), scene('b'), scene('c')];

	it('steps forward and back, stopping at either end', () => {
		expect(stepScene(scenes, 'a', 1)?.id).toBe('b');
		expect(stepScene(scenes, 'b', -1)?.id).toBe('a');
		expect(stepScene(scenes, 'c', 1)?.id).toBe('c');
		expect(stepScene(scenes, 'a', -1)?.id).toBe('a');
	});

	it('starts at the first going forward and the last going back, from no scene or a deleted one', () => {
		expect(stepScene(scenes, null, 1)?.id).toBe('a');
		expect(stepScene(scenes, 'gone', -1)?.id).toBe('c');
		expect(stepScene([], null, 1)).toBeNull();
	});
});

describe('sceneVisibility', () => {
	it('turns on the listed layers and off every other, ignoring names it does not know', () => {
		expect(sceneVisibility({ layers: ['boundaries', 'homes', 'nonsense'] })).toEqual({
			boundaries: true,
			fostering: false,
			hotspots: false,
			placements: false,
			homes: true
		});
	});
});
