import type { Map as MapLibreMap } from 'maplibre-gl';
import { metresPerPixel } from './scale-bar';

export interface MapSnapshot {
	/** A copy of the map's pixels, at the device's resolution. */
	image: HTMLCanvasElement;
	/** CSS pixels of the map. */
	width: number;
	height: number;
	/** Ground metres per CSS pixel at the map's centre, for the scale bar. */
	metresPerPixel: number;
}

/**
 * The map as drawn, copied while MapLibre renders a frame: WebGL clears its drawing buffer once a frame
 * is shown, so reading it later (without `preserveDrawingBuffer`, which costs every frame) gives a
 * blank image; inside the `render` event the frame is still there.
 */
export function mapSnapshot(map: MapLibreMap): Promise<MapSnapshot> {
	return new Promise((resolve, reject) => {
		map.once('render', () => {
			try {
				const source = map.getCanvas();
				const image = document.createElement('canvas');
				image.width = source.width;
				image.height = source.height;
				image.getContext('2d')!.drawImage(source, 0, 0);
				const container = map.getContainer();
				resolve({
					image,
					width: container.clientWidth || source.width,
					height: container.clientHeight || source.height,
					metresPerPixel: metresPerPixel(map.getCenter().lat, map.getZoom())
				});
			} catch (error) {
				reject(error);
			}
		});
		map.triggerRepaint();
	});
}
