import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, type DemoData } from '../../server/seed/load-demo-data';
import { dfeFigures, type LaSummaryRow } from '../../server/seed/la-summary';
import { distanceBandIndex } from '../analysis/distance-band';
import { distanceMiles } from '../distance';
import type { PlacementType } from '../types';
import { generateCohort, type Cohort, type CohortHome, type CohortInput } from './generate-cohort';
import { homeLocation } from './home-location';
import { nearMeanMiles, nearMiles } from './near-distance';
import { homeProfile } from './home-profile';
import { createLaLocator, type LaLocator } from './la-locator';
import { createRandom } from './random';

// The generator is checked on the real data it is made for (server/data), against DfE's own figures.
const data: DemoData = loadDemoData(path.resolve('server/data'));
const locator: LaLocator = createLaLocator(data.las);
const summaryOf = new Map(data.las.map((la) => [la.code, la.summary]));

function homesFor(seed: string): CohortHome[] {
	const centroids = new Map<string, [number, number][]>();
	for (const msoa of data.msoas)
		centroids.set(msoa.laCode, [...(centroids.get(msoa.laCode) ?? []), msoa.point]);
	return data.homes.homes.map((home) => {
		const random = createRandom(`${seed}/home/${home.urn}`);
		const profile = homeProfile(home, random);
		const point = homeLocation({
			laCode: home.laCode,
			centroids: centroids.get(home.laCode) ?? [],
			labelPoint: centroids.get(home.laCode)![0],
			locator,
			random
		});
		return { urn: home.urn, kind: home.kind, places: home.places, point, ...profile };
	});
}

function inputFor(seed: string, laCodes: readonly string[]): CohortInput {
	return {
		seed,
		las: laCodes.map((code) => ({ code, figures: dfeFigures(summaryOf.get(code)!)! })),
		locator,
		homeAreas: data.lsoas,
		carerAreas: data.msoas,
		homes: homesFor(seed)
	};
}

const gm = data.rccs.find((rcc) => rcc.id === 'gm')!.laCodes;
const demoLas = [...new Set(data.rccs.flatMap((rcc) => rcc.laCodes))];

describe('generateCohort', () => {
	it('gives the same children for the same seed, and others for another seed', { timeout: 60_000 }, () => {
		const trafford = gm.filter((code) => code === 'E08000009');
		const first = generateCohort(inputFor('same', trafford));
		const second = generateCohort(inputFor('same', trafford));
		expect(second.children).toEqual(first.children);
		const other = generateCohort(inputFor('other', trafford));
		expect(other.children).not.toEqual(first.children);
		expect(other.children).toHaveLength(first.children.length);
	});

	// Generous timeouts: the machines running the suite are shared and sometimes busy.
	describe('on every LA of the demo RCCs', { timeout: 60_000 }, () => {
		let input: CohortInput;
		let cohort: Cohort;
		beforeAll(() => {
			input = inputFor('test-cohort', demoLas);
			cohort = generateCohort(input);
		}, 120_000);

		const byLa = (code: string) => cohort.children.filter((child) => child.laCode === code);
		const percent = (part: number, whole: number) => (100 * part) / whole;

		it('has exactly DfE 2025 count of children looked after for each LA', () => {
			expect(demoLas).toHaveLength(29);
			for (const code of demoLas) expect(byLa(code).length, code).toBe(summaryOf.get(code)!.cla_31mar_2025);
		});

		it('matches the placement-type mix within 2 points wherever DfE publishes it', () => {
			const groups: [keyof LaSummaryRow, PlacementType[]][] = [
				['cla31mar_foster_pct', ['foster']],
				['cla31mar_secure_and_childrens_homes_pct', ['childrens_home', 'secure']],
				['cla31mar_independent_supported_pct', ['supported']],
				['cla31mar_residential_schools_pct', ['residential_school']]
			];
			let checked = 0;
			for (const code of demoLas) {
				const children = byLa(code);
				for (const [column, types] of groups) {
					const published = summaryOf.get(code)![column] as number | null;
					if (published === null) continue;
					const share = percent(
						children.filter((c) => types.includes(c.placementType)).length,
						children.length
					);
					expect(Math.abs(share - published), `${code} ${column}`).toBeLessThanOrEqual(2);
					checked += 1;
				}
			}
			expect(checked).toBeGreaterThan(100);
		});

		it('places the published shares outside the LA and over 20 miles, measured on the geometry', () => {
			for (const code of demoLas) {
				const summary = summaryOf.get(code)!;
				const children = byLa(code);
				const measured = children.map((child) => {
					const outside = !locator.contains(code, child.placement);
					const over = distanceMiles(child.home, child.placement) > 20;
					return { outside, over };
				});
				const checks: [number | null, number][] = [
					[summary.cla31mar_outside_la_pct, measured.filter((m) => m.outside).length],
					[summary.cla31mar_over20mi_pct, measured.filter((m) => m.over).length],
					[summary.cla31mar_outside_la_over20mi_pct, measured.filter((m) => m.outside && m.over).length]
				];
				for (const [published, count] of checks) {
					expect(published, code).not.toBeNull();
					expect(Math.abs(percent(count, children.length) - published!), code).toBeLessThanOrEqual(2);
				}
			}
		});

		it('spreads distances smoothly: every band within 20 miles used, children per mile falling with distance', () => {
			const widths = [5, 5, 10, 30];
			for (const code of demoLas) {
				const counts = [0, 0, 0, 0, 0];
				for (const child of byLa(code)) counts[distanceBandIndex(child.miles)] += 1;
				const perMile = widths.map((width, band) => counts[band] / width);
				const within20 = counts[0] + counts[1] + counts[2];
				// The DfE-shaped cohort once put Manchester's 1,181 children within 20 miles at 1,097, 81 and 3.
				expect(counts[2] / within20, `${code} 10-20 miles of ${counts}`).toBeGreaterThanOrEqual(0.02);
				for (let band = 1; band < widths.length; band++) {
					// Falling, give or take the noise of a few children.
					expect(perMile[band], `${code} band ${band} of ${counts}`).toBeLessThanOrEqual(
						perMile[band - 1] * 1.25 + 1
					);
				}
			}
		});

		it("puts every child's home inside their LA and records the placement LA and distance truly", () => {
			// Collected rather than asserted one by one: 17,000 expect calls take seconds.
			const wrong = cohort.children.filter(
				(child) =>
					!locator.contains(child.laCode, child.home) ||
					locator.laAt(child.placement) !== child.placementLaCode ||
					child.outsideLa !== (child.placementLaCode !== child.laCode) ||
					Math.abs(child.miles - distanceMiles(child.home, child.placement)) > 1e-9 ||
					child.over20Miles !== child.miles > 20
			);
			expect(wrong.map((child) => child.id)).toEqual([]);
		});

		it('places children only in homes of their kind, never beyond their places', () => {
			const homes = new Map(input.homes.map((home) => [home.urn, home]));
			const placed = new Map<string, number>();
			const wrong: string[] = [];
			for (const child of cohort.children) {
				if (child.placementUrn === null) {
					if (!['foster', 'supported', 'other'].includes(child.placementType)) wrong.push(child.id);
					continue;
				}
				const home = homes.get(child.placementUrn)!;
				if (home.kind !== child.placementType || child.placement !== home.point) wrong.push(child.id);
				placed.set(home.urn, (placed.get(home.urn) ?? 0) + 1);
			}
			expect(wrong).toEqual([]);
			const overfull = [...placed].filter(([urn, count]) => count > homes.get(urn)!.places);
			expect(overfull).toEqual([]);
			expect([...placed].sort()).toEqual([...cohort.occupancy].sort());
			expect(placed.size).toBeGreaterThan(500);
		});

		it('has plausible ages, sexes and needs, unique ids and no NaN', () => {
			expect(new Set(cohort.children.map((c) => c.id)).size).toBe(cohort.children.length);
			const implausible = cohort.children.filter(
				(child) =>
					![...child.home, ...child.placement, child.miles].every(Number.isFinite) ||
					!Number.isInteger(child.age) ||
					child.age < 0 ||
					child.age > 17 ||
					(child.placementType === 'supported' && child.age < 16) ||
					(child.placementType === 'childrens_home' && child.age < 8) ||
					!['male', 'female'].includes(child.sex)
			);
			expect(implausible.map((child) => child.id)).toEqual([]);
			const boys = cohort.children.filter((c) => c.sex === 'male').length / cohort.children.length;
			expect(boys).toBeGreaterThan(0.5);
			expect(boys).toBeLessThan(0.62);
			const inHomes = cohort.children.filter((c) => c.placementType === 'childrens_home');
			expect(inHomes.every((c) => c.needs.length > 0)).toBe(true);
		});

		it('draws homes more from deprived areas than from the least deprived', () => {
			const decile = new Map(data.lsoas.map((area) => [area.code, area.imdDecile]));
			const mostDeprived = cohort.children.filter((c) => decile.get(c.homeArea) === 1).length;
			const leastDeprived = cohort.children.filter((c) => decile.get(c.homeArea) === 10).length;
			expect(mostDeprived).toBeGreaterThan(3 * leastDeprived);
		});
	});
});

describe('near distances', () => {
	it('meet the tail beyond 20 miles with the same number of children per mile', () => {
		for (const [near, far] of [
			[1181, 99],
			[176, 96],
			[600, 20]
		]) {
			const mean = nearMeanMiles(near, far);
			const random = createRandom(`near-${near}`);
			const draws = Array.from({ length: 20_000 }, () => nearMiles(random, mean));
			expect(Math.max(...draws)).toBeLessThanOrEqual(19.5);
			// Children per mile in the last two miles before the line, against the tail's first mile (far / 25).
			const atLine = (near * draws.filter((miles) => miles > 17.5).length) / draws.length / 2;
			expect(atLine / (far / 25), `${near}, ${far}`).toBeGreaterThan(0.7);
			expect(atLine / (far / 25), `${near}, ${far}`).toBeLessThan(1.5);
		}
	});

	it('keeps most children close when few are placed far, and flattens when many are', () => {
		expect(nearMeanMiles(1181, 99)).toBeLessThan(6);
		expect(nearMeanMiles(176, 96)).toBeGreaterThan(10);
		expect(nearMeanMiles(0, 10)).toBe(2);
	});
});
