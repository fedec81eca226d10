import * as Y from 'yjs';
import { MAX_SCENES, type Scene } from './scenes-step';

/** The map document's `scenes` (DESIGN.md): a Y.Array of plain scene objects. */
export function scenesArray(doc: Y.Doc): Y.Array<unknown> {
	return doc.getArray('scenes');
}

/** The entries as plain values, whatever a client stored (a Y.Map becomes its JSON). */
export function sceneEntries(doc: Y.Doc): unknown[] {
	return scenesArray(doc)
		.toArray()
		.map((entry) => (entry instanceof Y.AbstractType ? entry.toJSON() : entry));
}

/** Appends a scene; false (nothing written) when the document already holds as many as are read. */
export function addScene(doc: Y.Doc, scene: Scene): boolean {
	const scenes = scenesArray(doc);
	if (scenes.length >= MAX_SCENES) return false;
	scenes.push([
		{ ...scene, view: { ...scene.view }, layers: [...scene.layers], filters: { ...scene.filters } }
	]);
	return true;
}

export function removeScene(doc: Y.Doc, id: string): void {
	const scenes = scenesArray(doc);
	doc.transact(() => {
		const entries = sceneEntries(doc);
		for (let index = entries.length - 1; index >= 0; index--) {
			const entry = entries[index] as { id?: unknown } | null;
			if (entry && typeof entry === 'object' && entry.id === id) scenes.delete(index, 1);
		}
	});
}
