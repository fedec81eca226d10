import { cellToBoundary, latLngToCell } from 'h3-js';
import type { AnalysisContext } from './analysis-context';
import type { LonLat } from '../types';

/** DESIGN.md privacy: hexagons are drawn only when they hold at least this many children. */
export const MIN_CHILDREN_PER_GAP_CELL = 5;

export interface GapCell {
	cell: string;
	rank: number;
	/** Children here placed over 20 miles away with no suitable vacancy within 20 miles of home. */
	children: number;
	/** All children here placed over 20 miles away (context for the ranking). */
	over20Miles: number;
	/** True when `children` is below MIN_CHILDREN_PER_GAP_CELL: the caller must suppress or merge it. */
	belowThreshold: boolean;
	/** The LAs the affected children belong to, with counts (the owning LA may see its own). */
	byLa: Record<string, number>;
}

export interface GapFeature {
	type: 'Feature';
	id: string;
	properties: GapCell;
	geometry: { type: 'Polygon'; coordinates: LonLat[][] };
}

export interface CoverageGaps {
	resolution: number;
	ranked: GapCell[];
	geojson: { type: 'FeatureCollection'; features: GapFeature[] };
}

export interface CoverageGapOptions {
	/** H3 resolution: 6 (~36 km² a cell) for a region, 5 (~250 km²) for England. Default 6. */
	resolution?: number;
	/** Only children of these LAs (e.g. an RCC's members). */
	laCodes?: readonly string[];
}

/**
 * Where demand has no suitable capacity nearby: H3 cells of children's home locations holding children
 * placed over 20 miles away for whom no suitable vacancy lies within 20 miles of home. Ranked by
 * children affected (ties by cell index, so the order is stable); every cell is returned with
 * `belowThreshold` set where it holds fewer than five, so the caller decides how to suppress.
 */
export function coverageGaps(context: AnalysisContext, options: CoverageGapOptions = {}): CoverageGaps {
	const resolution = options.resolution ?? 6;
	const { children, thresholdMiles, laCodes } = context;
	const wanted = options.laCodes ? new Set(options.laCodes) : null;
	const cells = new Map<string, GapCell>();
	const cellOfPoint = new Map<string, string>();
	for (let c = 0; c < children.count; c++) {
		if (!(children.miles[c] > thresholdMiles) || children.provision[c] < 0) continue;
		const laCode = laCodes[children.laIndex[c]];
		if (wanted && !wanted.has(laCode)) continue;
		// Homes are small-area centroids, so many children share one: index each point once.
		const lon = children.homeLon[c];
		const lat = children.homeLat[c];
		const key = `${lon},${lat}`;
		let cellId = cellOfPoint.get(key);
		if (cellId === undefined) cellOfPoint.set(key, (cellId = latLngToCell(lat, lon, resolution)));
		let cell = cells.get(cellId);
		if (!cell) {
			cell = { cell: cellId, rank: 0, children: 0, over20Miles: 0, belowThreshold: true, byLa: {} };
			cells.set(cellId, cell);
		}
		cell.over20Miles++;
		const nearest = children.nearestMiles[c];
		if (!(nearest <= thresholdMiles)) {
			cell.children++;
			cell.byLa[laCode] = (cell.byLa[laCode] ?? 0) + 1;
		}
	}
	const ranked = [...cells.values()]
		.filter((cell) => cell.children > 0)
		.sort((a, b) => b.children - a.children || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
	ranked.forEach((cell, index) => {
		cell.rank = index + 1;
		cell.belowThreshold = cell.children < MIN_CHILDREN_PER_GAP_CELL;
	});
	return {
		resolution,
		ranked,
		geojson: {
			type: 'FeatureCollection',
			features: ranked.map((cell) => ({
				type: 'Feature',
				id: cell.cell,
				properties: cell,
				geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell.cell, true) as LonLat[]] }
			}))
		}
	};
}
