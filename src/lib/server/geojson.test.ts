import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { featureCollection, roundGeometry } from './geojson';

const many = Array.from({ length: 500 }, (_, i) => ({
	geometry: { type: 'Point' as const, coordinates: [-2.123456789 + i / 1000, 53.987654321] },
	properties: { name: `feature ${i}` }
}));

function request(acceptEncoding?: string): Request {
	return new Request('http://localhost/api/x', {
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
}

describe('featureCollection', () => {
	it('numbers features, rounds coordinates to 5 places and sets the GeoJSON headers', async () => {
		const response = await featureCollection(many.slice(0, 2));
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(await response.json()).toEqual({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: 0,
					geometry: { type: 'Point', coordinates: [-2.12346, 53.98765] },
					properties: { name: 'feature 0' }
				},
				{
					type: 'Feature',
					id: 1,
					geometry: { type: 'Point', coordinates: [-2.12246, 53.98765] },
					properties: { name: 'feature 1' }
				}
			]
		});
	});

	it('gzips a large collection when the client accepts gzip, and the content is the same', async () => {
		const plain = await (await featureCollection(many, request())).text();
		const response = await featureCollection(many, request('gzip, deflate, br'));
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toBe('accept-encoding');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(bytes.length).toBeLessThan(plain.length / 3);
		expect(gunzipSync(bytes).toString('utf8')).toBe(plain);
	});

	it('sends a small collection as is even when gzip is accepted', async () => {
		const response = await featureCollection(many.slice(0, 3), request('gzip'));
		expect(response.headers.get('content-encoding')).toBeNull();
	});
});

describe('roundGeometry', () => {
	it('rounds every position of nested geometries', () => {
		expect(
			roundGeometry({
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[0.123456, 1.000004],
							[0.1, 1],
							[0.2, 1.1],
							[0.123456, 1.000004]
						]
					]
				]
			})
		).toEqual({
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[0.12346, 1],
						[0.1, 1],
						[0.2, 1.1],
						[0.12346, 1]
					]
				]
			]
		});
	});
});
