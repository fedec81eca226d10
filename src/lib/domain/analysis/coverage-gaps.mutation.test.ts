/**
 * The edges of coverageGaps that the mutation run (docs/mutation.md) found untested: the 20-mile line
 * on both distances, the five-child threshold, ties in the ranking, cells where every child has a
 * suitable vacancy, several LAs in one cell and the hexagon's [lon, lat] order.
 */
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES } from '../../../../tests/fixtures/analysis/random-input';
import { coverageGaps, MIN_CHILDREN_PER_GAP_CELL } from './coverage-gaps';
import { prepareAnalysis } from './prepare-analysis';
import type { AnalysisChild, AnalysisHome } from './types';

const RESOLUTION = 6;
const FAR: [number, number] = [-1.1, 51.9]; // over 20 miles from every home below

/** The centre of the resolution-6 cell at (lat, lon), as [lon, lat]: points there share that cell. */
function centre(lat: number, lon: number): [number, number] {
	const [cellLat, cellLon] = cellToLatLng(latLngToCell(lat, lon, RESOLUTION));
	return [cellLon, cellLat];
}

const west = centre(51.05, -1.9);
const east = centre(51.1, -1.3);
const cellOf = ([lon, lat]: [number, number]) => latLngToCell(lat, lon, RESOLUTION);

function children(at: [number, number], count: number, laCode = 'SW', needs = ['mobility']): AnalysisChild[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `${laCode}-${at.join(',')}-${i}-${needs.join('+')}`,
		laCode,
		home: at,
		placement: FAR,
		placementType: 'childrens_home',
		age: 12,
		needs
	}));
}

/** A home near `west` for children with autism only: children needing mobility support find no vacancy. */
const autismHome: AnalysisHome = {
	urn: 'H',
	laCode: 'SW',
	kind: 'childrens_home',
	location: [west[0] + 0.01, west[1]],
	places: 3,
	vacancies: 2,
	ageMin: 8,
	ageMax: 17,
	needs: ['autism']
};

function analyse(list: AnalysisChild[]) {
	return prepareAnalysis({
		children: list,
		homes: [autismHome],
		fostering: [],
		boundaries: RANDOM_BOUNDARIES,
		rccs: []
	});
}

describe('coverageGaps at its edges', () => {
	it('flags a cell of 4 children as below the threshold and not a cell of exactly 5', () => {
		expect(MIN_CHILDREN_PER_GAP_CELL).toBe(5);
		const gaps = coverageGaps(analyse([...children(west, 4), ...children(east, 5)]), {
			resolution: RESOLUTION
		});
		expect(gaps.ranked.map((cell) => [cell.cell, cell.children, cell.belowThreshold])).toEqual([
			[cellOf(east), 5, false],
			[cellOf(west), 4, true]
		]);
	});

	it('uses resolution 6 when none is given', () => {
		const context = analyse(children(west, 5));
		const gaps = coverageGaps(context);
		expect(gaps.resolution).toBe(6);
		expect(gaps.ranked.map((cell) => cell.cell)).toEqual([cellOf(west)]);
	});

	it('orders cells with as many children by cell index, whichever comes first in the input', () => {
		const expected = [cellOf(west), cellOf(east)].sort();
		for (const list of [
			[...children(west, 5), ...children(east, 5)],
			[...children(east, 5), ...children(west, 5)]
		]) {
			const gaps = coverageGaps(analyse(list), { resolution: RESOLUTION });
			expect(gaps.ranked.map((cell) => cell.cell)).toEqual(expected);
			expect(gaps.ranked.map((cell) => cell.rank)).toEqual([1, 2]);
		}
	});

	it('puts the cell with more children first, whichever comes first in the input', () => {
		for (const list of [
			[...children(west, 5), ...children(east, 7)],
			[...children(east, 7), ...children(west, 5)]
		]) {
			const gaps = coverageGaps(analyse(list), { resolution: RESOLUTION });
			expect(gaps.ranked.map((cell) => [cell.cell, cell.rank])).toEqual([
				[cellOf(east), 1],
				[cellOf(west), 2]
			]);
		}
	});

	it('leaves out a cell whose children over 20 miles all have a suitable vacancy within 20 miles', () => {
		const gaps = coverageGaps(analyse([...children(west, 6, 'SW', ['autism']), ...children(east, 5)]), {
			resolution: RESOLUTION
		});
		expect(gaps.ranked.map((cell) => cell.cell)).toEqual([cellOf(east)]);
	});

	it('counts the children of each LA in a shared cell, and all those over 20 miles', () => {
		const list = [
			...children(west, 3, 'SW'),
			...children(west, 2, 'SE'),
			...children(west, 4, 'SW', ['autism'])
		];
		const [cell] = coverageGaps(analyse(list), { resolution: RESOLUTION }).ranked;
		expect(cell).toMatchObject({ cell: cellOf(west), children: 5, over20Miles: 9, byLa: { SW: 3, SE: 2 } });
	});

	it('keeps a child exactly 20 miles from home out (over 20 miles means more than 20)', () => {
		const context = analyse(children(west, 5));
		expect(coverageGaps(context).ranked).toHaveLength(1);
		context.children.miles.fill(context.thresholdMiles);
		expect(coverageGaps(context).ranked).toEqual([]);
	});

	it('counts a child whose nearest suitable vacancy is exactly 20 miles away as served', () => {
		const context = analyse(children(west, 5));
		context.children.nearestMiles.fill(context.thresholdMiles + 1e-9);
		expect(coverageGaps(context).ranked.map((cell) => cell.children)).toEqual([5]);
		context.children.nearestMiles.fill(context.thresholdMiles);
		expect(coverageGaps(context).ranked).toEqual([]);
	});

	it('leaves out children whose placement type no home or carer answers', () => {
		const others = children(east, 5).map((child) => ({ ...child, placementType: 'other' as const }));
		const gaps = coverageGaps(analyse([...children(west, 5), ...others]), { resolution: RESOLUTION });
		expect(gaps.ranked.map((cell) => cell.cell)).toEqual([cellOf(west)]);
	});

	it('draws each cell as a closed hexagon of [lon, lat] points around it', () => {
		const gaps = coverageGaps(analyse(children(west, 5)), { resolution: RESOLUTION });
		const [feature] = gaps.geojson.features;
		expect(feature.id).toBe(cellOf(west));
		expect(feature.properties).toBe(gaps.ranked[0]);
		const ring = feature.geometry.coordinates[0];
		expect(ring).toHaveLength(7);
		expect(ring[0]).toEqual(ring[6]);
		for (const [lon, lat] of ring) {
			expect(Math.abs(lon - west[0])).toBeLessThan(0.1);
			expect(Math.abs(lat - west[1])).toBeLessThan(0.1);
		}
	});
});
