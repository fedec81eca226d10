import { cellToLatLng, latLngToCell } from 'h3-js';
import type { AnalysisContext } from '$lib/domain/analysis';
import type { KDIndex } from '$lib/domain/analysis/analysis-context';
import { withinMiles } from '$lib/domain/analysis/find-vacancies';
import { kdIndex } from '$lib/domain/analysis/kd-index';
import { hotspotShown, hotspots, type HotspotCell } from '$lib/domain/hotspots';
import type { LonLat } from '$lib/domain/types';

/** The region map's hotspot resolution (~36 km² a cell): the radius counts the hexagons drawn there. */
export const DEMAND_RESOLUTION = 6;

interface DemandCells {
	cells: HotspotCell[];
	/** Per cell (same order), its children and those over 20 miles by LA. */
	byLa: Map<string, { children: number; over20Miles: number }>[];
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
	const homes = input.children.map((child, c) => ({
		home: child.home,
		over20Miles: children.miles[c] > thresholdMiles
	}));
	const cells = hotspots(homes, DEMAND_RESOLUTION);
	const position = new Map(cells.map((cell, i) => [cell.h3, i]));
	const byLa = cells.map(() => new Map<string, { children: number; over20Miles: number }>());
	input.children.forEach((child, c) => {
		const at = position.get(latLngToCell(child.home[1], child.home[0], DEMAND_RESOLUTION));
		if (at === undefined) return;
		let count = byLa[at].get(child.laCode);
		if (!count) byLa[at].set(child.laCode, (count = { children: 0, over20Miles: 0 }));
		count.children++;
		if (homes[c].over20Miles) count.over20Miles++;
	});
	const lon = new Float64Array(cells.length);
	const lat = new Float64Array(cells.length);
	cells.forEach((cell, i) => ([lat[i], lon[i]] = cellToLatLng(cell.h3)));
	const index = cells.length ? kdIndex(Int32Array.from(cells.keys()), lon, lat) : null;
	cellsOf.set(context, (found = { cells, byLa, index }));
	return found;
}

/**
 * The demand hexagons whose centre lies within `miles` of `center`, counted whole. Never a count of
 * children finer than the hexagons the map draws: two circles differ by whole cells of 5 or more, so
 * comparing them reveals no small number, as counting children by their home points would. For a
 * reader with their own LAs' children in a cell (`ownLaCodes`), the cell counts only as that reader's
 * hotspot map would draw it (`hotspotShown`): its total less their share never gives another LA's 1 to 4.
 */
export function demandWithin(
	context: AnalysisContext,
	[lon, lat]: LonLat,
	miles: number,
	ownLaCodes: readonly string[] = []
): DemandWithin {
	const { cells, byLa, index } = demandCells(context);
	const inside = (index ? withinMiles(index, lon, lat, miles).ids : []).flatMap((id) => {
		const cell = cells[id];
		let own = 0;
		let ownOver20Miles = 0;
		for (const code of ownLaCodes) {
			own += byLa[id].get(code)?.children ?? 0;
			ownOver20Miles += byLa[id].get(code)?.over20Miles ?? 0;
		}
		if (own === 0) return [cell];
		const over20Miles = [...byLa[id].values()].reduce((sum, count) => sum + count.over20Miles, 0);
		const shown = hotspotShown({ children: cell.children, over20Miles, own, ownOver20Miles });
		return shown.children ? [{ ...cell, over20Miles: shown.over20Miles ? over20Miles : null }] : [];
	});
	return {
		cells: inside.length,
		children: inside.reduce((sum, cell) => sum + cell.children, 0),
		over20Miles: {
			atLeast: inside.reduce((sum, cell) => sum + (cell.over20Miles ?? 0), 0),
			complete: inside.every((cell) => cell.over20Miles !== null)
		}
	};
}
