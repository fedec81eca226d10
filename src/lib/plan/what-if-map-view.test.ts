import { describe, expect, it } from 'vitest';
import type { ProposedHome } from '$lib/components/analysis/analysis-state.svelte';
import { MAX_CAPTION_LENGTH, parseExtent } from './map-view-spec';
import { computedAt, whatIfMapView } from './what-if-map-view';

const shown = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };
const region = {
	percentOver20MilesNow: shown(38.1),
	percentOver20MilesBefore: shown(30.25),
	percentOver20MilesAfter: shown(28)
};
const home = (id: number, location: [number, number]): ProposedHome => ({
	action: 'add',
	id: `proposed-${id}`,
	location,
	kind: 'childrens_home',
	places: 4,
	ageMin: 8,
	ageMax: 17,
	needs: []
});
const at = new Date('2026-12-03T16:40:00Z');

describe('whatIfMapView', () => {
	it('frames the proposed homes and 20 miles round them, rounded outwards', () => {
		const spec = whatIfMapView([home(1, [-2.3, 53.4]), home(2, [-2.1, 53.6])], region, at);
		expect(spec.extent.kind).toBe('bounds');
		const [west, south, east, north] =
			spec.extent.kind === 'bounds' ? spec.extent.bounds : [NaN, NaN, NaN, NaN];
		// 20 miles is 0.2894° of latitude; of longitude, 0.4851° at 53.4° N.
		expect(south).toBeLessThanOrEqual(53.4 - 0.2894);
		expect(north).toBeGreaterThanOrEqual(53.6 + 0.2894);
		expect(west).toBeLessThanOrEqual(-2.3 - 0.4851);
		expect(east).toBeGreaterThanOrEqual(-2.1 + 0.48);
		expect(north).toBeLessThan(53.6 + 0.3);
		expect(parseExtent(`bounds:${[west, south, east, north].join(',')}`)).toEqual(spec.extent);
	});

	it('falls back to the region with no proposal', () => {
		expect(whatIfMapView([], region, at).extent).toEqual({ kind: 'region' });
	});

	it('states the proposals and the shares, labelled with when they were computed', () => {
		expect(whatIfMapView([home(1, [-2.3, 53.4])], region, at).caption).toBe(
			"What if, as computed on 3 Dec 2026 16:40 (figures as then): 1. Children's home, 4 places, ages 8-17. " +
				"Region's children placed over 20 miles: 38.1% today; if all who could moved, 30.3% without and 28.0% with the proposals"
		);
	});

	it('says England time, summer time included', () => {
		expect(computedAt(new Date('2026-07-01T08:05:00Z'))).toBe('1 Jul 2026 09:05');
	});

	it('never turns a withheld share into a number', () => {
		const caption = whatIfMapView(
			[home(1, [-2.3, 53.4])],
			{
				percentOver20MilesNow: withheld,
				percentOver20MilesBefore: withheld,
				percentOver20MilesAfter: withheld
			},
			at
		).caption;
		expect(caption).toContain('withheld today');
		expect(caption).toContain('withheld without and withheld with the proposals');
		expect(caption).not.toMatch(/%/);
		expect(
			caption.replace(/3 Dec 2026 16:40|1\. Children's home, 4 places, ages 8-17|20 miles/g, '')
		).not.toMatch(/\d/);
	});

	it('keeps the caption within the limit, counting the proposals that do not fit, figures kept whole', () => {
		const many = Array.from({ length: 40 }, (_, i) => home(i + 1, [-2.3 + i / 100, 53.4]));
		const caption = whatIfMapView(many, region, at).caption;
		expect(caption.length).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
		expect(caption).toMatch(/and \d+ more\. Region's children placed over 20 miles: 38\.1% today/);
		expect(caption).toMatch(/28\.0% with the proposals$/);
		const listed = (caption.match(/\d+\. Children's home/g) ?? []).length;
		expect(caption).toContain(`and ${40 - listed} more`);
		expect(listed).toBeGreaterThan(0);
	});
});
