import { layerIds, type LayerId } from '../map/layers';
import type { Scene } from './schema';

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

/** The visibility of every layer a scene sets (all of them: those listed on, the others off). */
export function sceneVisibility(scene: Pick<Scene, 'layers'>): Record<LayerId, boolean> {
	return Object.fromEntries(layerIds.map((id) => [id, scene.layers.includes(id)])) as Record<
		LayerId,
		boolean
	>;
}
