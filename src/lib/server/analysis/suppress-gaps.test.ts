import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageGaps, prepareAnalysis, type CoverageGaps, type GapCell } from '$lib/domain/analysis';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { leaks, type ReaderView } from '../../../../tests/support/disclosure-attacker';
import { suppressGaps } from './suppress-gaps';
import { propertyRuns } from '../../../../tests/mutation/property-runs';

function cell(id: string, rank: number, byLa: Record<string, number>): GapCell {
	const children = Object.values(byLa).reduce((a, b) => a + b, 0);
	return { cell: id, rank, children, over20Miles: children, belowThreshold: children < 5, byLa };
}

function gapsOf(ranked: GapCell[]): CoverageGaps {
	return {
		resolution: 5,
		ranked,
		geojson: {
			type: 'FeatureCollection',
			features: ranked.map((c) => ({
				type: 'Feature',
				id: c.cell,
				properties: c,
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[1, 0],
							[0, 1],
							[0, 0]
						]
					]
				}
			}))
		}
	};
}

describe('suppressGaps: cells of exactly 4 and 5, and the reader’s own share', () => {
	it('drops a cell of exactly 4 children and keeps one of exactly 5', () => {
		const four = cell('four', 1, { B: 4 });
		const five = cell('five', 2, { B: 5 });
		expect(suppressGaps(gapsOf([five, four]), []).map((c) => [c.cell, c.children])).toEqual([['five', 5]]);
	});

	it('drops a cell whose total less the reader’s own share is another LA’s 1 to 4', () => {
		// 9 children: 7 of the reader's LA A and 2 of B. Shown, 9 - 7 would give B's 2 away.
		const shared = cell('shared', 1, { A: 7, B: 2 });
		const mostlyOthers = cell('others', 2, { A: 1, B: 6 });
		const ownOnly = cell('own', 3, { A: 5 });
		const gaps = gapsOf([shared, mostlyOthers, ownOnly]);
		expect(suppressGaps(gaps, ['A']).map((c) => [c.cell, c.children, c.ownChildren])).toEqual([
			['others', 7, 1],
			['own', 5, 5]
		]);
		// A reader without an own share sees the cell: 9 is all they learn.
		expect(suppressGaps(gaps, []).map((c) => c.cell)).toEqual(['shared', 'others', 'own']);
		// Nor may two of the reader's LAs together isolate a third's small share.
		const three = cell('three', 1, { A: 3, C: 3, B: 1 });
		expect(suppressGaps(gapsOf([three]), ['A', 'C'])).toEqual([]);
	});
});

describe('suppressGaps', () => {
	const ranked = [cell('x', 1, { A: 7, B: 2 }), cell('y', 2, { B: 4 }), cell('z', 3, { A: 3, C: 3 })];
	const gaps = gapsOf(ranked);

	it('drops cells under five and ranks the rest again, without the split by LA', () => {
		const cells = suppressGaps(gaps, []);
		expect(cells.map((c) => [c.cell, c.rank, c.children])).toEqual([
			['x', 1, 9],
			['z', 2, 6]
		]);
		expect(cells[0]).not.toHaveProperty('byLa');
		expect(cells[0]).not.toHaveProperty('ownChildren');
		expect(cells[0].ring).toHaveLength(4);
	});

	it('adds the reader’s own LAs’ children where the others’ are none, or 5 or more', () => {
		// x: own A and B 9, others none; z: own A 3, C's 3 would follow from 6 - 3, so z goes.
		expect(suppressGaps(gaps, ['A', 'B']).map((c) => [c.cell, c.ownChildren])).toEqual([['x', 9]]);
	});
});

describe('suppressGaps against an independent attacker, on the real engine', () => {
	it(
		'gives no reader another LA’s 1-4 in a cell, less their own share, over 2,000 random cohorts',
		{ timeout: 120_000 },
		() => {
			fc.assert(
				fc.property(
					fc.integer({ min: 1, max: 1_000_000 }),
					fc.integer({ min: 10, max: 80 }),
					fc.subarray(['SW', 'SE', 'NW', 'NE']),
					(seed, children, own) => {
						const input = randomInput(seed, { children, homes: 6, spreadDegrees: 0.6 });
						const context = prepareAnalysis(input);
						const gaps = coverageGaps(context, { resolution: 5 });
						const byCell = new Map(gaps.ranked.map((cell) => [cell.cell, cell.byLa]));
						for (const shown of suppressGaps(gaps, own)) {
							// Figures: the total (shown), the reader's share (known from their own records), the
							// others' together, and each other LA's (withheld): total = own + others = own + each.
							const byLa = byCell.get(shown.cell)!;
							const others = Object.keys(byLa).filter((code) => !own.includes(code));
							const truth = [
								shown.children,
								own.reduce((sum, code) => sum + (byLa[code] ?? 0), 0),
								others.reduce((sum, code) => sum + byLa[code], 0),
								...others.map((code) => byLa[code])
							];
							const view: ReaderView = {
								shown: [shown.children, truth[1], null, ...others.map(() => null)],
								relations: [
									[
										[0, -1],
										[1, 1],
										[2, 1]
									],
									[[2, -1], ...others.map((_, i): [number, number] => [3 + i, 1])]
								]
							};
							expect(shown.ownChildren ?? 0).toBe(own.length > 0 ? truth[1] : 0);
							expect(leaks(view, truth, shown.children + 1), shown.cell).toEqual([]);
						}
					}
				),
				{ numRuns: propertyRuns(2000), seed: 18 }
			);
		}
	);
});
