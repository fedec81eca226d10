import type { Map as MapLibreMap } from 'maplibre-gl';

/** A camera position, WGS84 and degrees, with the corners of what the screen shows. */
export interface CameraView {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
	/** Top left, top right, bottom right, bottom left. */
	corners: [[number, number], [number, number], [number, number], [number, number]];
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const lngLat = (point: { lng: number; lat: number }): [number, number] => [
	round(point.lng, 5),
	round(point.lat, 5)
];

/**
 * The workshop's hold on the map's camera and pointer: reads the view to share it, moves to someone
 * else's, and tells a move this person made (drag, wheel, keys) from one made for them (following).
 */
export class MapCamera {
	readonly #map: MapLibreMap;

	constructor(map: MapLibreMap) {
		this.#map = map;
	}

	view(): CameraView {
		const map = this.#map;
		const canvas = map.getCanvas();
		const width = canvas.clientWidth;
		const height = canvas.clientHeight;
		const corner = (x: number, y: number) => lngLat(map.unproject([x, y]));
		return {
			center: lngLat(map.getCenter()),
			zoom: round(map.getZoom(), 3),
			bearing: round(map.getBearing(), 2),
			pitch: round(map.getPitch(), 2),
			corners: [corner(0, 0), corner(width, 0), corner(width, height), corner(0, height)]
		};
	}

	/** Moves to a view at once: following someone must not lag behind them with animations. */
	moveTo(view: Pick<CameraView, 'center' | 'zoom' | 'bearing' | 'pitch'>): void {
		this.#map.jumpTo({ center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch });
	}

	/**
	 * Calls `listener` after every camera move, `byPerson` when this person moved it (MapLibre passes
	 * the DOM event that started a drag, a wheel turn or a key press; a jumpTo has none).
	 */
	onMove(listener: (byPerson: boolean) => void): () => void {
		const handler = (event: { originalEvent?: unknown }) => listener(event.originalEvent !== undefined);
		this.#map.on('move', handler);
		return () => this.#map.off('move', handler);
	}

	/** The pointer's position over the map, null when it leaves. */
	onPointer(listener: (position: [number, number] | null) => void): () => void {
		const move = (event: { lngLat: { lng: number; lat: number } }) => listener(lngLat(event.lngLat));
		const out = () => listener(null);
		this.#map.on('mousemove', move);
		this.#map.on('mouseout', out);
		return () => {
			this.#map.off('mousemove', move);
			this.#map.off('mouseout', out);
		};
	}
}
