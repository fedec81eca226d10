import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES } from '../../../../tests/fixtures/analysis/random-input';
import { coverageGaps } from './coverage-gaps';
import { prepareAnalysis } from './prepare-analysis';
import type { AnalysisChild, AnalysisHome } from './types';

const far: [number, number] = [-1.1, 51.9];
const child = (id: string, home: [number, number], needs: string[] = []): AnalysisChild => ({
	id,
	laCode: 'SW',
	home,
	placement: far,
	placementType: 'childrens_home',
	age: 12,
	needs
});
const home: AnalysisHome = {
	urn: 'H',
	laCode: 'SW',
	kind: 'childrens_home',
	location: [-1.6, 51.3],
	places: 2,
	vacancies: 1,
	ageMin: 8,
	ageMax: 17,
	needs: ['autism']
};

describe('coverageGaps', () => {
	const a: [number, number] = [-1.9, 51.05];
	const b: [number, number] = [-1.62, 51.31]; // next to the home
	const children = [
		...Array.from({ length: 6 }, (_, i) => child(`a${i}`, [a[0] + i * 0.001, a[1]], ['mobility'])),
		child('b0', b, ['mobility']), // no home offers mobility: a gap
		child('b1', b, ['autism']) // the home nearby suits: no gap
	];
	const context = prepareAnalysis({
		children,
		homes: [home],
		fostering: [],
		boundaries: RANDOM_BOUNDARIES,
		rccs: []
	});

	it('ranks cells by children over 20 miles with no suitable vacancy within 20 miles', () => {
		const gaps = coverageGaps(context, { resolution: 6 });
		expect(gaps.ranked.map((cell) => [cell.cell, cell.children, cell.over20Miles])).toEqual([
			[latLngToCell(a[1], a[0], 6), 6, 6],
			[latLngToCell(b[1], b[0], 6), 1, 2]
		]);
		expect(gaps.ranked.map((cell) => cell.rank)).toEqual([1, 2]);
	});

	it('flags cells under five children for the caller to suppress, and draws closed hexagons', () => {
		const gaps = coverageGaps(context);
		expect(gaps.ranked.map((cell) => cell.belowThreshold)).toEqual([false, true]);
		const ring = gaps.geojson.features[0].geometry.coordinates[0];
		expect(ring.length).toBe(7);
		expect(ring[0]).toEqual(ring[6]);
		expect(gaps.geojson.features[0].properties.byLa).toEqual({ SW: 6 });
	});

	it('flags a cell of exactly 4 children and not one of exactly 5 (MIN_CHILDREN_PER_GAP_CELL)', () => {
		const four: [number, number] = [-1.9, 51.05];
		const five: [number, number] = [-1.1, 51.95];
		const context = prepareAnalysis({
			children: [
				...Array.from({ length: 4 }, (_, i) => child(`f${i}`, four, ['mobility'])),
				...Array.from({ length: 5 }, (_, i) => ({ ...child(`g${i}`, five, ['mobility']), placement: a }))
			],
			homes: [home],
			fostering: [],
			boundaries: RANDOM_BOUNDARIES,
			rccs: []
		});
		const gaps = coverageGaps(context, { resolution: 6 });
		expect(gaps.ranked.map((cell) => [cell.children, cell.belowThreshold])).toEqual([
			[5, false],
			[4, true]
		]);
	});

	it('keeps to the LAs asked for', () => {
		expect(coverageGaps(context, { laCodes: ['SE'] }).ranked).toEqual([]);
	});
});
