import { describe, expect, it } from 'vitest';
import { prepareAnalysis, type AnalysisChild } from '$lib/domain/analysis';
import { smallRegion } from '../../../../tests/fixtures/analysis/small-region';
import { demandWithin } from './demand-within';

const child = (id: string, home: [number, number], placement: [number, number]): AnalysisChild => ({
	id,
	laCode: 'SW',
	home,
	placement,
	placementType: 'foster',
	age: 10,
	needs: []
});
const hotspot: [number, number] = [-1.5, 51.3];
const near: [number, number] = [-1.49, 51.3];
const far: [number, number] = [0.2, 51.3];

/** Six children at one spot (a hexagon of 6; 1 placed far away), and two alone 5 miles west. */
const context = prepareAnalysis({
	...smallRegion(),
	children: [
		...Array.from({ length: 5 }, (_, i) => child(`h${i}`, hotspot, near)),
		child('h5', hotspot, far),
		child('s1', [-1.62, 51.3], near),
		child('s2', [-1.62, 51.3], near)
	]
});

describe('demandWithin', () => {
	it('counts whole hexagons of 5 or more whose centre is inside, never the children alone', () => {
		const around = demandWithin(context, hotspot, 10);
		expect(around.cells).toBe(1);
		expect(around.children).toBe(6);
		// 1 of 6 over 20 miles: the cell's own figure is withheld, so the circle's is a lower bound.
		expect(around.over20Miles).toEqual({ atLeast: 0, complete: false });
		// The two alone are never counted, however the circle is drawn around them.
		expect(demandWithin(context, [-1.62, 51.3], 1)).toEqual({
			cells: 0,
			children: 0,
			over20Miles: { atLeast: 0, complete: true }
		});
	});
});

describe('demandWithin for a reader with their own LA’s children in a hexagon', () => {
	// 7 children at one spot: 5 of the reader's LA (SW), 2 of another (SE).
	const shared = prepareAnalysis({
		...smallRegion(),
		children: [
			...Array.from({ length: 5 }, (_, i) => child(`o${i}`, hotspot, near)),
			...Array.from({ length: 2 }, (_, i) => ({ ...child(`x${i}`, hotspot, near), laCode: 'SE' }))
		]
	});

	it('leaves out a hexagon whose total less the reader’s share is another LA’s 1 to 4', () => {
		// A viewer learns 7; SW's commissioner, who holds SW's 5 records, would learn SE's 2 from 7 - 5.
		expect(demandWithin(shared, hotspot, 10).children).toBe(7);
		expect(demandWithin(shared, hotspot, 10, ['SW'])).toEqual({
			cells: 0,
			children: 0,
			over20Miles: { atLeast: 0, complete: true }
		});
		// Both LAs' commissioner knows all 7.
		expect(demandWithin(shared, hotspot, 10, ['SW', 'SE']).children).toBe(7);
	});
});
