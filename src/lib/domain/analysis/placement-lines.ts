import { cellToBoundary, getResolution, latLngToCell } from 'h3-js';
import type { AnalysisContext } from './analysis-context';
import { DISTANCE_BANDS } from './distance-band';
import { withinMiles } from './find-vacancies';
import type { LonLat } from '../types';
import type { DistanceBand } from './types';

/** A home area: an LA, an H3 cell, or everything within some miles of a point (a clicked centroid). */
export type HomeArea =
	| { type: 'la'; code: string }
	| { type: 'cell'; cell: string }
	| { type: 'point'; location: LonLat; radiusMiles: number };

export interface PlacementLine {
	type: 'Feature';
	properties: {
		childId: string;
		laCode: string;
		miles: number;
		band: DistanceBand;
		over20Miles: boolean;
		insideLa: boolean | null;
	};
	geometry: { type: 'LineString'; coordinates: [LonLat, LonLat] };
}

/**
 * Lines from the home locations of the children of a home area to their placements, with miles: the
 * map's "where do children from here live?". Children without a placement location have no line.
 * Child-level: only for users allowed to see these children (the caller checks).
 */
export function placementLines(
	context: AnalysisContext,
	area: HomeArea
): { type: 'FeatureCollection'; features: PlacementLine[] } {
	const { children, input, thresholdMiles } = context;
	let members: Iterable<number>;
	if (area.type === 'la') {
		const la = context.laIndexByCode.get(area.code);
		const list: number[] = [];
		if (la !== undefined)
			for (let c = 0; c < children.count; c++) if (children.laIndex[c] === la) list.push(c);
		members = list;
	} else if (area.type === 'cell') {
		const list: number[] = [];
		const childIndex = context.childIndex();
		if (childIndex) {
			const resolution = getResolution(area.cell);
			const ring = cellToBoundary(area.cell, true);
			const lons = ring.map((point) => point[0]);
			const lats = ring.map((point) => point[1]);
			const { tree, ids } = childIndex;
			for (const kdId of tree.range(
				Math.min(...lons),
				Math.min(...lats),
				Math.max(...lons),
				Math.max(...lats)
			)) {
				const c = ids[kdId];
				if (latLngToCell(children.homeLat[c], children.homeLon[c], resolution) === area.cell) list.push(c);
			}
			list.sort((a, b) => a - b);
		}
		members = list;
	} else {
		const childIndex = context.childIndex();
		members = childIndex
			? withinMiles(childIndex, area.location[0], area.location[1], area.radiusMiles).ids.sort(
					(a, b) => a - b
				)
			: [];
	}
	const features: PlacementLine[] = [];
	for (const c of members) {
		if (Number.isNaN(children.miles[c])) continue;
		features.push({
			type: 'Feature',
			properties: {
				childId: input.children[c].id,
				laCode: input.children[c].laCode,
				miles: children.miles[c],
				band: DISTANCE_BANDS[children.band[c]],
				over20Miles: children.miles[c] > thresholdMiles,
				insideLa: children.insideLa[c] === -1 ? null : children.insideLa[c] === 1
			},
			geometry: {
				type: 'LineString',
				coordinates: [
					[children.homeLon[c], children.homeLat[c]],
					[children.placementLon[c], children.placementLat[c]]
				]
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
