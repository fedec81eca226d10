import { getResolution, latLngToCell } from 'h3-js';
import type { Placements } from './feature-properties';

/** Where the children's homes are chosen: a demand hotspot cell or a whole LA. */
export type HomeArea = { kind: 'cell'; h3: string } | { kind: 'la'; code: string };

export interface PlacementsFromArea {
	lines: Placements;
	count: number;
	/** Null when there are no lines. */
	medianMiles: number | null;
	over20Miles: number;
	/** Each child's distance, furthest first. */
	miles: number[];
}

/**
 * The placement lines of the children whose home lies in `area`: a line's first coordinate is the
 * child's (generalised) home, placed in the cell at the cell's own resolution; an LA means the LA
 * responsible for the child. The lines are only those the server sent: a commissioner's own LA.
 */
export function placementsFromArea(placements: Placements, area: HomeArea): PlacementsFromArea {
	let inArea: (feature: Placements['features'][number]) => boolean;
	if (area.kind === 'la') inArea = (feature) => feature.properties.laCode === area.code;
	else {
		const resolution = getResolution(area.h3);
		inArea = (feature) => {
			const [lon, lat] = feature.geometry.coordinates[0] ?? [];
			return Number.isFinite(lon) && Number.isFinite(lat) && latLngToCell(lat, lon, resolution) === area.h3;
		};
	}
	const features = placements.features.filter(inArea);
	const miles = features.map((feature) => feature.properties.miles).sort((a, b) => b - a);
	return {
		lines: { type: 'FeatureCollection', features },
		count: features.length,
		medianMiles: median(miles),
		over20Miles: features.filter((feature) => feature.properties.over20Miles).length,
		miles
	};
}

function median(descending: number[]): number | null {
	const n = descending.length;
	if (n === 0) return null;
	const middle = Math.floor(n / 2);
	return n % 2 ? descending[middle] : (descending[middle - 1] + descending[middle]) / 2;
}
