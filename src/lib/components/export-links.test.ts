import { describe, expect, it } from 'vitest';
import { exportLinks } from './export-links';

describe('exportLinks', () => {
	it("offers a commissioner every layer, their own LA's placements included", () => {
		const links = exportLinks('gm', { england: false, ownChildRecords: true });
		expect(links.map((link) => link.layer)).toEqual([
			'las',
			'homes',
			'hotspots',
			'fostering',
			'gaps',
			'placements',
			'scenarios',
			'notes',
			'areas'
		]);
		expect(links[0]).toMatchObject({
			csv: '/api/rccs/gm/export/las.csv',
			geojson: '/api/rccs/gm/export/las.geojson'
		});
	});
	it('offers no child-level records to a viewer or an administrator', () => {
		expect(
			exportLinks('gm', { england: false, ownChildRecords: false }).map((link) => link.layer)
		).not.toContain('placements');
	});
	it("offers England's aggregates only", () => {
		expect(
			exportLinks('england', { england: true, ownChildRecords: true }).map((link) => link.layer)
		).toEqual(['las', 'hotspots', 'fostering']);
	});
});
