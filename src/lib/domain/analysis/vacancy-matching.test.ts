import { describe, expect, it } from 'vitest';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { isSuitable } from './find-vacancies';
import { haversineMiles } from './haversine-miles';
import { prepareAnalysis } from './prepare-analysis';

/** Maximum bipartite b-matching by plain augmenting paths (Ford-Fulkerson), as a slow reference. */
function referenceMaximum(adjacency: number[][], capacity: number[]): number {
	const load = capacity.map(() => [] as number[]);
	let matched = 0;
	for (let child = 0; child < adjacency.length; child++) {
		const seen = new Set<number>();
		const tryChild = (c: number): boolean => {
			for (const p of adjacency[c]) {
				if (seen.has(p)) continue;
				seen.add(p);
				if (load[p].length < capacity[p]) {
					load[p].push(c);
					return true;
				}
				for (let i = 0; i < load[p].length; i++) {
					if (tryChild(load[p][i])) {
						load[p][i] = c;
						return true;
					}
				}
			}
			return false;
		};
		// A child already placed by a later reshuffle is in load; only count new placements.
		if (tryChild(child)) matched++;
	}
	return matched;
}

describe('buildVacancyMatching', () => {
	it('reaches the maximum number of children matched, within capacities and 20 miles', () => {
		for (let seed = 1; seed <= 25; seed++) {
			const context = prepareAnalysis(randomInput(seed, { children: 120, homes: 25 }));
			const { children } = context;
			const { matching } = context.whatIfBase();
			const adjacency = Array.from(matching.demand, (_, d) =>
				Array.from(matching.adjProvider.subarray(matching.adjStart[d], matching.adjStart[d + 1]))
			);
			const expected = referenceMaximum(adjacency, Array.from(matching.capacity));
			const assigned = Array.from(matching.base.assigned);
			expect(assigned.filter((p) => p >= 0).length).toBe(expected);
			const load = new Map<number, number>();
			assigned.forEach((p, d) => {
				if (p < 0) return;
				expect(adjacency[d]).toContain(p);
				expect(children.miles[matching.demand[d]]).toBeGreaterThan(20);
				load.set(p, (load.get(p) ?? 0) + 1);
			});
			for (const [p, n] of load) expect(n).toBeLessThanOrEqual(matching.capacity[p]);
		}
	});

	it('links each far-placed child to exactly the suitable vacancies within 20 miles, also where children share a home point', () => {
		for (let seed = 1; seed <= 10; seed++) {
			const input = randomInput(seed, { children: 300, homes: 30 });
			// Ten home points, as small-area centroids would give: exercises the per-point reuse.
			const points = input.children.slice(0, 10).map((child) => child.home);
			input.children.forEach((child, i) => (child.home = points[i % 10]));
			const context = prepareAnalysis(input);
			const { children, providers, needs } = context;
			const { matching } = context.whatIfBase();
			matching.demand.forEach((c, d) => {
				const query = {
					lon: children.homeLon[c],
					lat: children.homeLat[c],
					age: children.age[c],
					needMask: children.needMask,
					needOffset: c * needs.words,
					needWords: needs.words
				};
				const expected: number[] = [];
				for (let p = 0; p < providers.count; p++) {
					if (providers.kind[p] !== children.provision[c] || providers.vacancies[p] === 0) continue;
					if (!isSuitable(providers, p, query)) continue;
					if (haversineMiles(query.lon, query.lat, providers.lon[p], providers.lat[p]) <= 20)
						expected.push(p);
				}
				const actual = Array.from(
					matching.adjProvider.subarray(matching.adjStart[d], matching.adjStart[d + 1])
				);
				expect(actual.sort((a, b) => a - b)).toEqual(expected);
			});
		}
	});
});
