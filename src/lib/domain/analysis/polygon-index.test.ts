import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { RANDOM_BOUNDARIES, seeded } from '../../../../tests/fixtures/analysis/random-input';
import { createPolygonIndex } from './polygon-index';
import type { LaBoundary } from './types';

const solent = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/analysis/in/solent.geojson'), 'utf8')
) as { features: { properties: { role: string; code: string }; geometry: LaBoundary['geometry'] }[] };
const solentLas: LaBoundary[] = solent.features
	.filter((f) => f.properties.role === 'la')
	.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const ISLE_OF_WIGHT = 'E06000046';
const PORTSMOUTH = 'E06000044';

describe('createPolygonIndex', () => {
	const index = createPolygonIndex(RANDOM_BOUNDARIES);
	const code = (lon: number, lat: number) => index.codes[index.locate(lon, lat)] ?? null;

	it('finds the LA of a point, and none outside every LA', () => {
		expect(code(-1.9, 51.1)).toBe('SW');
		expect(code(-1.1, 51.1)).toBe('SE');
		expect(code(-1.9, 51.9)).toBe('NW');
		expect(code(-3, 51.5)).toBeNull();
	});

	it('leaves a hole out of its polygon', () => {
		expect(code(-1.75, 51.25)).toBeNull();
		expect(index.contains(index.indexOf('SW'), -1.75, 51.25)).toBe(false);
	});

	it('handles both parts of a MultiPolygon and the gap between them', () => {
		expect(code(-1.4, 51.6)).toBe('NE');
		expect(code(-1.1, 51.9)).toBe('NE');
		expect(code(-1.1, 51.6)).toBeNull();
	});

	it('counts points on an edge or a vertex as inside', () => {
		const sw = index.indexOf('SW');
		expect(index.contains(sw, -2, 51.2)).toBe(true); // west edge
		expect(index.contains(sw, -1.7, 51)).toBe(true); // south edge (horizontal)
		expect(index.contains(sw, -2, 51)).toBe(true); // corner
		expect(index.contains(sw, -1.5, 51.5)).toBe(true); // far corner
		expect(index.contains(sw, -1.8, 51.25)).toBe(true); // edge of the hole
		expect(index.contains(sw, -2.000001, 51.2)).toBe(false);
	});

	it('agrees with turf.booleanPointInPolygon away from boundaries on the real Solent LAs', () => {
		const solentIndex = createPolygonIndex(solentLas);
		const next = seeded(3);
		for (let i = 0; i < 3000; i++) {
			const point: [number, number] = [-1.9 + next() * 1.2, 50.55 + next() * 0.8];
			solentLas.forEach((la, k) => {
				expect(solentIndex.contains(k, point[0], point[1])).toBe(booleanPointInPolygon(point, la.geometry));
			});
		}
	});

	it('places the Isle of Wight apart from the mainland, across the Solent', () => {
		const solentIndex = createPolygonIndex(solentLas);
		const at = (lon: number, lat: number) => solentIndex.codes[solentIndex.locate(lon, lat)] ?? null;
		expect(at(-1.2983, 50.7003)).toBe(ISLE_OF_WIGHT); // Newport
		expect(at(-1.09, 50.785)).toBe(PORTSMOUTH); // Southsea, on Portsea Island
		expect(at(-1.2, 50.79)).toBeNull(); // the Solent: in no LA
	});

	it('takes every vertex of the real Isle of Wight ring as inside', () => {
		const solentIndex = createPolygonIndex(solentLas);
		const iow = solentLas.find((la) => la.code === ISLE_OF_WIGHT)!;
		const ring =
			iow.geometry.type === 'Polygon' ? iow.geometry.coordinates[0] : iow.geometry.coordinates[0][0];
		const k = solentIndex.indexOf(ISLE_OF_WIGHT);
		for (const [lon, lat] of ring) expect(solentIndex.contains(k, lon, lat)).toBe(true);
		for (let i = 1; i < ring.length; i++) {
			const mid: [number, number] = [(ring[i - 1][0] + ring[i][0]) / 2, (ring[i - 1][1] + ring[i][1]) / 2];
			expect(solentIndex.contains(k, mid[0], mid[1])).toBe(true);
		}
	});
});
