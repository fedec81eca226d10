import { describe, expect, it } from 'vitest';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
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
			const { matching, children } = context;
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
});
