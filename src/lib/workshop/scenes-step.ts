import { layerIds, type LayerId } from '../map/layers';
import { readView, type MapPresenceView } from './presence-state';

/** A saved view the facilitator steps through (the `scenes` array of the map document, DESIGN.md). */
export interface Scene {
	id: string;
	name: string;
	view: Pick<MapPresenceView, 'center' | 'zoom' | 'bearing' | 'pitch'>;
	/** The layers shown: those listed are on, the rest off. */
	layers: LayerId[];
	/** Layer filters as the filters feature keeps them; carried as they are. */
	filters: Record<string, unknown>;
	scenarioId?: string;
}

const MAX_NAME = 120;
/**
 * At most this many scenes are read (the first ones): a workshop steps through a handful, and a hostile
 * client writing thousands must not make every page build thousands of buttons.
 */
export const MAX_SCENES = 50;
const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const knownLayers = new Set<string>(layerIds);

/** One entry of the document's `scenes`, or null when it is not a scene (written by a hostile client). */
export function readScene(value: unknown): Scene | null {
	if (!isRecord(value)) return null;
	const { id, name, scenarioId } = value;
	if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
	if (typeof name !== 'string' || name.trim() === '') return null;
	const view = readView(value.view);
	if (!view) return null;
	const layers = Array.isArray(value.layers)
		? [...new Set(value.layers.filter((layer): layer is LayerId => knownLayers.has(layer as string)))]
		: [];
	return {
		id,
		name: name.trim().slice(0, MAX_NAME),
		view: { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch },
		layers,
		filters: isRecord(value.filters) ? value.filters : {},
		...(typeof scenarioId === 'string' && scenarioId.length > 0 ? { scenarioId } : {})
	};
}

/** The readable scenes in order, up to MAX_SCENES; bad entries and repeated ids (after the first) are left out. */
export function readScenes(values: readonly unknown[]): Scene[] {
	const seen = new Set<string>();
	const scenes: Scene[] = [];
	for (const value of values) {
		const scene = readScene(value);
		if (!scene || seen.has(scene.id)) continue;
		seen.add(scene.id);
		scenes.push(scene);
		if (scenes.length === MAX_SCENES) break;
	}
	return scenes;
}

/**
 * The scene `step` away from the current one (+1 next, -1 previous), stopping at the first and the last
 * (a presentation does not wrap round); from no scene (or one since deleted), forward starts at the
 * first and back at the last. Null when there are no scenes.
 */
export function stepScene(scenes: readonly Scene[], currentId: string | null, step: 1 | -1): Scene | null {
	if (scenes.length === 0) return null;
	const index = currentId === null ? -1 : scenes.findIndex((scene) => scene.id === currentId);
	if (index < 0) return step > 0 ? scenes[0] : scenes[scenes.length - 1];
	return scenes[Math.min(Math.max(index + step, 0), scenes.length - 1)];
}

/** The visibility of every layer a scene sets (all of them: listed on, the others off). */
export function sceneVisibility(scene: Scene): Record<LayerId, boolean> {
	return Object.fromEntries(layerIds.map((id) => [id, scene.layers.includes(id)])) as Record<
		LayerId,
		boolean
	>;
}
