import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LonLat } from '$lib/domain/types';

/** The sidebar tools that wait for a click on the map. */
export type MapClickToolId = 'radius' | 'proposed-home' | 'note';

interface Pending {
	tool: MapClickToolId;
	onPick: (at: LonLat) => void;
	onCancel: () => void;
}

/** Class on the map's canvas container while a tool waits (MapWorkspace styles it as a crosshair). */
export const ARMED_CLASS = 'map-click-armed';

/**
 * The one tool that the next map click belongs to (the radius's centre, a proposed home's place). Arming
 * one disarms the other, so a click never does two things; Escape disarms; while a tool is armed the
 * page takes the click as the tool's, not as a selection.
 */
export class MapClickTool {
	armed = $state<MapClickToolId | null>(null);
	#pending: Pending | null = null;
	#container: { classList: Pick<DOMTokenList, 'toggle'> } | null = null;

	/** The next click goes to `onPick`; `onCancel` runs if the tool is disarmed first. */
	arm(tool: MapClickToolId, onPick: (at: LonLat) => void, onCancel: () => void = () => {}): void {
		this.cancel();
		this.#pending = { tool, onPick, onCancel };
		this.#setArmed(tool);
	}

	/** A click on the map at `at`: the armed tool's, once; true when a tool took it. */
	pick(at: LonLat): boolean {
		const pending = this.#pending;
		if (!pending) return false;
		this.#pending = null;
		this.#setArmed(null);
		pending.onPick(at);
		return true;
	}

	/** Disarms the armed tool (only `tool`, if given); true when one was armed. */
	cancel(tool?: MapClickToolId): boolean {
		const pending = this.#pending;
		if (!pending || (tool && pending.tool !== tool)) return false;
		this.#pending = null;
		this.#setArmed(null);
		pending.onCancel();
		return true;
	}

	/** Escape disarms first: the event is marked handled, so it clears nothing else. */
	onkeydown(event: KeyboardEvent): void {
		if (event.key === 'Escape' && this.cancel()) event.preventDefault();
	}

	/** Takes the map's clicks and shows the crosshair while armed; returns the undo. */
	attach(map: Pick<MapLibreMap, 'on' | 'off' | 'getCanvasContainer'>): () => void {
		const onClick = (event: MapMouseEvent) => void this.pick([event.lngLat.lng, event.lngLat.lat]);
		map.on('click', onClick);
		this.#container = map.getCanvasContainer();
		this.#setArmed(this.armed);
		return () => {
			map.off('click', onClick);
			this.#container = null;
		};
	}

	#setArmed(tool: MapClickToolId | null): void {
		this.armed = tool;
		this.#container?.classList.toggle(ARMED_CLASS, tool !== null);
	}
}
