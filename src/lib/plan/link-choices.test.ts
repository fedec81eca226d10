import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { findLinkChoices, gapLinkLabel, gapPlaceName, linkChoices, type LaArea } from './link-choices';

/** A square LA around a point, half a degree across. */
function square(code: string, name: string, lon: number, lat: number, member = true): LaArea {
	const d = 0.25;
	return {
		type: 'Feature',
		properties: { code, name, member, labelLon: lon, labelLat: lat },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[lon - d, lat - d],
					[lon + d, lat - d],
					[lon + d, lat + d],
					[lon - d, lat + d],
					[lon - d, lat - d]
				]
			]
		}
	};
}

const wigan = square('E08000010', 'Wigan', -2.6, 53.55);
const bolton = square('E08000001', 'Bolton', -2.1, 53.55);
const areas = [wigan, bolton, square('E06000008', 'Blackburn with Darwen', -2.6, 53.55, false)];
const inWigan = latLngToCell(53.55, -2.6, 5);
const farNorth = latLngToCell(54.5, -2.1, 5);

describe('gapPlaceName', () => {
	it('names the member LA the cell centre lies in, before a neighbour overlapping it', () => {
		expect(gapPlaceName(inWigan, areas)).toBe('Wigan');
	});

	it('else the member whose label point is nearest', () => {
		const [lat] = cellToLatLng(farNorth);
		expect(lat).toBeGreaterThan(54);
		expect(gapPlaceName(farNorth, areas)).toBe('Bolton');
		expect(gapPlaceName(farNorth, [])).toBeNull();
	});
});

describe('gapLinkLabel', () => {
	it('says rank, children and place, and never a count under five', () => {
		expect(gapLinkLabel({ cell: inWigan, rank: 3, children: 24 }, 'Wigan')).toBe(
			'Gap 3: 24 children, near Wigan'
		);
		expect(gapLinkLabel({ cell: inWigan, rank: 9, children: 4 }, null)).toBe('Gap 9: <5 children');
	});
});

describe('linkChoices', () => {
	const groups = linkChoices({
		gaps: [
			{ cell: inWigan, rank: 1, children: 24 },
			// The server drops these; checked again, as the label is published.
			{ cell: farNorth, rank: 2, children: 3 }
		],
		areas,
		las: [
			{ code: 'E08000010', name: 'Wigan' },
			{ code: 'E08000001', name: 'Bolton' }
		],
		homes: [
			{ urn: 'SC123456', laName: 'Wigan', sector: 'Private', owner: 'Bright Futures Ltd' },
			{ urn: '2590934', laName: 'Bolton', sector: 'Local Authority', owner: null }
		]
	});

	it('offers gaps of five or more, member LAs and homes, each with its frozen label', () => {
		expect(groups.gaps.map((choice) => choice.link)).toEqual([
			{ kind: 'gap', cell: inWigan, label: 'Gap 1: 24 children, near Wigan' }
		]);
		expect(groups.las.map((choice) => choice.link.label)).toEqual(['Wigan (LA)', 'Bolton (LA)']);
		expect(groups.homes.map((choice) => choice.link)).toEqual([
			{ kind: 'home', urn: '2590934', label: "Children's home 2590934, Bolton" },
			{ kind: 'home', urn: 'SC123456', label: "Children's home SC123456, Wigan" }
		]);
	});

	it('finds choices by every word typed, homes also by owner', () => {
		const all = [...groups.gaps, ...groups.las, ...groups.homes];
		const labels = (query: string) => findLinkChoices(all, query).map((choice) => choice.link.label);
		expect(labels('wigan')).toEqual([
			'Gap 1: 24 children, near Wigan',
			'Wigan (LA)',
			"Children's home SC123456, Wigan"
		]);
		expect(labels('bright')).toEqual(["Children's home SC123456, Wigan"]);
		expect(labels('sc123')).toEqual(["Children's home SC123456, Wigan"]);
		expect(labels('gap wigan')).toEqual(['Gap 1: 24 children, near Wigan']);
		expect(labels('')).toHaveLength(all.length);
		expect(labels('nowhere')).toEqual([]);
	});
});
