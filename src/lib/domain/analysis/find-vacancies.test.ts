import { describe, expect, it } from 'vitest';
import { randomInput, seeded } from '../../../../tests/fixtures/analysis/random-input';
import { findVacancies, isSuitable, nearestSuitable } from './find-vacancies';
import { haversineMiles } from './haversine-miles';
import { prepareAnalysis } from './prepare-analysis';

describe('nearestSuitable and findVacancies', () => {
	it('find what a pairwise scan finds, nearest first, for many random queries', () => {
		const context = prepareAnalysis(randomInput(5, { children: 10, homes: 400 }));
		const { providers, needs } = context;
		const next = seeded(9);
		const out = new Float64Array(1);
		for (let q = 0; q < 300; q++) {
			const needMask = new Uint32Array(needs.words);
			needs.write(
				[...needs.bits.keys()].filter(() => next() < 0.3),
				needMask,
				0
			);
			const query = {
				lon: -2.2 + next() * 1.4,
				lat: 50.8 + next() * 1.4,
				age: Math.floor(next() * 18),
				needMask,
				needOffset: 0,
				needWords: needs.words
			};
			const kind = Math.floor(next() * 5);
			const radius = [5, 20, 200][q % 3];
			const expected: { p: number; miles: number }[] = [];
			for (let p = 0; p < providers.count; p++) {
				if (providers.kind[p] !== kind || providers.vacancies[p] === 0 || !isSuitable(providers, p, query))
					continue;
				const miles = haversineMiles(query.lon, query.lat, providers.lon[p], providers.lat[p]);
				if (miles <= radius) expected.push({ p, miles });
			}
			expected.sort((a, b) => a.miles - b.miles || a.p - b.p);
			const index = context.vacancyIndexes[kind];
			const nearest = index ? nearestSuitable(index, providers, query, radius, out) : -1;
			expect(nearest).toBe(expected[0]?.p ?? -1);
			if (nearest >= 0) expect(out[0]).toBe(expected[0].miles);
			const k = findVacancies(index, providers, query, 4, radius);
			expect(k.providers).toEqual(expected.slice(0, 4).map((e) => e.p));
			const all = findVacancies(index, providers, query, Infinity, radius);
			expect(all.providers).toEqual(expected.map((e) => e.p));
			expect(all.miles).toEqual(expected.map((e) => e.miles));
		}
	});
});
