import { cellToLatLng } from 'h3-js';
import type { AnalysisContext } from '$lib/domain/analysis';
import type { KDIndex } from '$lib/domain/analysis/analysis-context';
import { withinMiles } from '$lib/domain/analysis/find-vacancies';
import { kdIndex } from '$lib/domain/analysis/kd-index';
import { hotspots, type HotspotCell } from '$lib/domain/hotspots';
import type { LonLat } from '$lib/domain/types';

/** The region map's hotspot resolution (~36 km² a cell): the radius counts the hexagons drawn there. */
export const DEMAND_RESOLUTION = 6;

interface DemandCells {
	cells: HotspotCell[];
	/** Cell centres; ids are indexes into `cells`. */
	index: KDIndex | null;
}

/** What a circle holds of the demand: whole hotspot hexagons, each of 5 children or more. */
export interface DemandWithin {
	cells: number;
	children: number;
	/**
	 * Placed over 20 miles away, summed over the cells whose own figure the map publishes; `complete`
	 * is false when some cell's is withheld (a small number, or one that reveals one), so that the sum
	 * is a lower bound and no withheld figure can be worked out from two circles.
	 */
	over20Miles: { atLeast: number; complete: boolean };
}

const cellsOf = new WeakMap<AnalysisContext, DemandCells>();

/** England's demand hexagons of 5 or more children, built once per prepared analysis. */
function demandCells(context: AnalysisContext): DemandCells {
	let found = cellsOf.get(context);
	if (found) return found;
	const { input, children, thresholdMiles } = context;
	const cells = hotspots(
		input.children.map((child, c) => ({ home: child.home, over20Miles: children.miles[c] > thresholdMiles })),
		DEMAND_RESOLUTION
	);
	const lon = new Float64Array(cells.length);
	const lat = new Float64Array(cells.length);
	cells.forEach((cell, i) => ([lat[i], lon[i]] = cellToLatLng(cell.h3)));
	const index = cells.length ? kdIndex(Int32Array.from(cells.keys()), lon, lat) : null;
	cellsOf.set(context, (found = { cells, index }));
	return found;
}

/**
 * The demand hexagons whose centre lies within `miles` of `center`, counted whole. Never a count of
 * children finer than the hexagons the map draws: two circles differ by whole cells of 5 or more, so
 * comparing them reveals no small number, as counting children by their home points would.
 */
export function demandWithin(context: AnalysisContext, [lon, lat]: LonLat, miles: number): DemandWithin {
	const { cells, index } = demandCells(context);
	const inside = index ? withinMiles(index, lon, lat, miles).ids.map((id) => cells[id]) : [];
	return {
		cells: inside.length,
		children: inside.reduce((sum, cell) => sum + cell.children, 0),
		over20Miles: {
			atLeast: inside.reduce((sum, cell) => sum + (cell.over20Miles ?? 0), 0),
			complete: inside.every((cell) => cell.over20Miles !== null)
		}
	};
}
