import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaSummary, Compared } from '../domain/types';
import { readMapView } from './map-view-spec';
import { renderMapViewSvg, type MapViewData } from './map-view-svg';
import { fitProjection } from './svg-projection';

function square(west: number, south: number, size = 0.5): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[west + size, south],
				[west + size, south + size],
				[west, south + size],
				[west, south]
			]
		]
	};
}

const figure = (computed: number | null, suppressed = false): Compared => ({
	computed,
	published: null,
	suppressed
});

function area(code: string, name: string, children: Compared): AreaSummary {
	return {
		code,
		name,
		childrenLookedAfter: children,
		percentOutsideLa: figure(null),
		percentOver20Miles: figure(null),
		homes: figure(2),
		places: figure(7),
		vacancies: figure(1),
		fosteringPlaces: figure(15)
	};
}

/** Alpha and Beta are members, side by side; Gamma a neighbour. Beta's 3 children are withheld. */
const data: MapViewData = {
	rccName: 'Test RCC',
	boundaries: [
		{
			code: 'E09900001',
			name: 'Alpha',
			member: true,
			population0to17: 10_000,
			labelLon: -2.25,
			labelLat: 53.25,
			geometry: square(-2.5, 53)
		},
		{
			code: 'E09900002',
			name: 'Beta',
			member: true,
			population0to17: 20_000,
			labelLon: -1.75,
			labelLat: 53.25,
			geometry: square(-2, 53)
		},
		{
			code: 'E09900003',
			name: 'Gamma',
			member: false,
			population0to17: 8_000,
			labelLon: -1.25,
			labelLat: 53.25,
			geometry: square(-1.5, 53)
		}
	],
	homes: [
		{ sector: 'Private', places: 4, lon: -2.3, lat: 53.3 },
		{ sector: 'Local Authority', places: 2, lon: -1.9, lat: 53.25 }
	],
	fosteringPlaces: { E09900001: 15, E09900002: 40 },
	las: [
		area('E09900001', 'Alpha', figure(1234)),
		area('E09900002', 'Beta', { computed: null, published: 3, suppressed: true })
	],
	frozenOn: '2 December 2026'
};

const render = (attrs: Record<string, string>) => renderMapViewSvg(readMapView(attrs), data, 'map-view-1');

describe('renderMapViewSvg', () => {
	it('draws the boundaries, labels and homes as an accessible image with a legend and a table', () => {
		const html = render({ layers: 'boundaries,homes', extent: 'region', caption: 'Homes in the region' });
		expect(html).toMatch(
			/<svg [^>]*role="img" aria-labelledby="map-view-1-title" aria-describedby="map-view-1-desc"/
		);
		expect(html).toMatch(
			/<figcaption><strong>Homes in the region<\/strong> <span id="map-view-1-desc">Map of/
		);
		expect(html).toContain('<title id="map-view-1-title">Homes in the region</title>');
		expect(html).toContain('2 children&#39;s homes drawn as circles');
		expect(html).toContain('locations are approximate');
		expect(html.match(/<path /g)).toHaveLength(3);
		expect(html.match(/<circle /g)?.length).toBe(2 + 4 /* legend swatches: one per sector */);
		expect(html).toContain('>Alpha</text>');
		expect(html).toContain('>Beta</text>');
		expect(html).not.toContain('>Gamma</text>');
		expect(html).toContain('aria-label="Key"');
		expect(html).toContain('Member LA');
		expect(html).toContain('<th scope="row">Alpha</th><td>1,234</td><td>2</td><td>7</td>');
		expect(html).toContain('Frozen when this version was published (2 December 2026)');
	});

	it('never shows a withheld figure as a number', () => {
		const html = render({ layers: 'boundaries,fostering,homes', extent: 'region' });
		const beta = /<th scope="row">Beta<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
		expect(beta).toMatch(/^<td>fewer than 5<\/td>/);
		expect(beta).not.toMatch(/>3</);
		expect(html).not.toMatch(/\b3 children/);
	});

	it('leaves hotspots and placement lines out of a published page, and says so for hotspots', () => {
		const html = render({ layers: 'hotspots,placements', extent: 'region' });
		expect(html).toContain('Demand hotspots are shown to signed-in members of Test RCC only');
		expect(html).not.toMatch(/hexagon|placement/i);
		expect(html).toContain('data-layers=""');
		expect(html).not.toContain('<circle cx');
	});

	it('shades member LAs by fostering places per 10,000 children, with its classes in the legend', () => {
		const html = render({ layers: 'fostering', extent: 'region' });
		expect(html).toContain('Fostering capacity');
		expect(html).toMatch(/Under \d+ places/);
		// Alpha: 15 places for 10,000 children = 15 per 10k; Beta: 40 for 20,000 = 20.
		expect(html).toContain('<td>15</td><td>15</td>');
		expect(html).toContain('<td>15</td><td>20</td>');
	});

	it('fits one LA: it fills the picture height, widened to show its neighbours, and tabulates that LA', () => {
		const html = render({ layers: 'boundaries', extent: 'E09900002' });
		const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(html)!.map(Number);
		expect(width).toBe(640);
		// A square half-degree at 53°N is 1.7 times as tall as wide: capped at 0.8 of the width.
		expect(height).toBe(512);
		const paths = [...html.matchAll(/<path (?:class="focus" )?d="([^"]+)"/g)].map((match) => match[1]);
		// The three LAs, then Beta again as the outline of the LA the view is for.
		expect(paths).toHaveLength(4);
		expect(paths[3]).toBe(paths[1]);
		expect(html).toContain('<path class="focus"');
		expect(html).toContain('Map of Beta (outlined in black)');
		const ys = [...paths[1].matchAll(/[\d.]+,([\d.]+)/g)].map((match) => Number(match[1]));
		expect(Math.min(...ys)).toBeGreaterThan(0);
		expect(Math.max(...ys)).toBeLessThan(height);
		expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.85 * height);
		expect(html).toContain('<th scope="row">Beta</th>');
		expect(html).not.toContain('<th scope="row">Alpha</th>');
	});

	it('fits a view kept on the live map: only what is inside is drawn and tabulated', () => {
		// Alpha's eastern half and Beta's western half, as a reader panned to it.
		const html = render({ layers: 'boundaries,homes', extent: 'bounds:-2.25,53.15,-1.75,53.35' });
		const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(html)!.map(Number);
		// The view's own shape (0.66 as tall as wide at 53°N), within the picture's limits: not widened.
		expect(width).toBe(640);
		expect(height).toBe(fitProjection([-2.25, 53.15, -1.75, 53.35], { width: 640 }).height);
		expect(height / width).toBeCloseTo(0.66, 1);
		expect(html).toContain('Map of the area chosen showing');
		expect(html).not.toContain('class="focus"');
		// Gamma starts at -1.5°: out of the picture, so neither drawn nor named.
		expect(html.match(/<path /g)).toHaveLength(2);
		// The home at -2.3° is just outside; the one at -1.9° inside.
		expect(html).toContain('1 children&#39;s homes drawn');
		expect(html).toContain('<th scope="row">Alpha</th>');
		expect(html).toContain('<th scope="row">Beta</th>');
	});

	it('escapes the caption', () => {
		const html = render({ layers: 'boundaries', extent: 'region', caption: '<script>alert(1)</script>' });
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
	});
});
