import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_SCENES, readScenes } from './scenes-step';
import { addScene, removeScene, sceneEntries, scenesArray } from './scenes-write';

const scene = (id: string) => ({
	id,
	name: `Scene ${id}`,
	view: { center: [-2.2, 53.4] as [number, number], zoom: 9, bearing: 0, pitch: 0 },
	layers: ['homes' as const],
	filters: {}
});

describe('scenes in the map document', () => {
	it('adds scenes readable by every client and removes them by id', () => {
		const doc = new Y.Doc();
		addScene(doc, scene('a'));
		addScene(doc, scene('b'));
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(readScenes(sceneEntries(other)).map((s) => s.id)).toEqual(['a', 'b']);
		removeScene(doc, 'a');
		expect(readScenes(sceneEntries(doc)).map((s) => s.id)).toEqual(['b']);
	});

	it('reads a scene a client stored as a Y.Map', () => {
		const doc = new Y.Doc();
		const entry = new Y.Map<unknown>();
		scenesArray(doc).push([entry]);
		for (const [key, value] of Object.entries(scene('m'))) entry.set(key, value);
		expect(readScenes(sceneEntries(doc))[0]?.id).toBe('m');
	});

	it('stops at the limit', () => {
		const doc = new Y.Doc();
		for (let i = 0; i < MAX_SCENES; i++) expect(addScene(doc, scene(`s${i}`))).toBe(true);
		expect(addScene(doc, scene('one-too-many'))).toBe(false);
		expect(scenesArray(doc).length).toBe(MAX_SCENES);
		// A hostile client writes past it directly: readers take the first MAX_SCENES only.
		scenesArray(doc).push(Array.from({ length: 1000 }, (_, i) => scene(`x${i}`)));
		expect(readScenes(sceneEntries(doc))).toHaveLength(MAX_SCENES);
	});
});
