import { describe, expect, it } from 'vitest';
import { readScene, readScenes, sceneVisibility, stepScene } from './scenes-step';

const scene = (id: string, extra: Record<string, unknown> = {}) => ({
	id,
	name: `Scene ${id}`,
	view: { center: [-2.2, 53.4], zoom: 9, bearing: 0, pitch: 0 },
	layers: ['boundaries', 'homes'],
	filters: {},
	...extra
});

describe('readScenes', () => {
	it('reads scenes in order and leaves out bad entries and repeated ids', () => {
		const scenes = readScenes([
			scene('a'),
			{ id: 'b', name: 'No view' },
			42,
			scene('a', { name: 'Again' }),
			scene('c', { layers: ['homes', 'nonsense', 'homes'], scenarioId: 's1', filters: 'x' })
		]);
		expect(scenes.map((s) => s.id)).toEqual(['a', 'c']);
		expect(scenes[1]).toMatchObject({ layers: ['homes'], scenarioId: 's1', filters: {} });
	});

	it('refuses a scene without a name or with a view off the globe', () => {
		expect(readScene(scene('a', { name: ' ' }))).toBeNull();
		expect(readScene(scene('a', { view: { center: [500, 53], zoom: 9 } }))).toBeNull();
	});
});

describe('stepScene', () => {
	const scenes = readScenes([scene('a'), scene('b'), scene('c')]);

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
	it('turns on the listed layers and off every other', () => {
		const [read] = readScenes([scene('a')]);
		expect(sceneVisibility(read)).toEqual({
			boundaries: true,
			fostering: false,
			hotspots: false,
			placements: false,
			homes: true
		});
	});
});
