import { describe, expect, it } from 'vitest';
import type { CoverageGaps, GapCell } from '$lib/domain/analysis';
import { suppressGaps } from './suppress-gaps';

function cell(id: string, rank: number, byLa: Record<string, number>): GapCell {
	const children = Object.values(byLa).reduce((a, b) => a + b, 0);
	return { cell: id, rank, children, over20Miles: children, belowThreshold: children < 5, byLa };
}

describe('suppressGaps', () => {
	const ranked = [cell('x', 1, { A: 7, B: 2 }), cell('y', 2, { B: 4 }), cell('z', 3, { A: 3, C: 3 })];
	const gaps: CoverageGaps = {
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

	it('adds the reader’s own LAs’ children', () => {
		expect(suppressGaps(gaps, ['A']).map((c) => c.ownChildren)).toEqual([7, 3]);
	});
});
