import { drawMapPicture } from '$lib/map/map-picture';
import type { MapSnapshot } from '$lib/map/map-snapshot';
import { attributions } from '$lib/map/attribution';
import { layerIds, mapLayers, type LayerId, type StyleContext } from '$lib/map/layers';

export interface MapPictureInput {
	snapshot: MapSnapshot;
	rcc: { id: string; name: string };
	visible: Record<LayerId, boolean>;
	empty: Record<LayerId, boolean>;
	context: StyleContext;
	/** The day it shows, for the subtitle and the file name. */
	now: Date;
}

/**
 * Saves the map on screen as a PNG: the map's key holds the same layers as the key on the map (on, and
 * with something drawn), so the picture says what it shows. Drawn in the browser from what the page
 * holds: no request, nothing the reader could not already see.
 */
export async function downloadMapPicture(input: MapPictureInput): Promise<void> {
	const legend = layerIds
		.filter((id) => input.visible[id] && !input.empty[id])
		.map((id) => ({
			title: mapLayers[id].title,
			items: mapLayers[id].legend(input.context),
			note: mapLayers[id].legendNote?.(input.context) ?? null
		}));
	const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(input.now);
	const canvas = drawMapPicture({
		snapshot: input.snapshot,
		title: input.rcc.name,
		subtitle: `Close to Home: the map as shown on ${day}`,
		legend,
		attribution: attributions
	});
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('The browser could not make the picture.');
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = `${input.rcc.id}-map-${input.now.toISOString().slice(0, 10)}.png`;
	document.body.append(link);
	link.click();
	link.remove();
	// After the click has handed the file to the browser's download.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
