import { describe, expect, it } from 'vitest';
import { smallRegion } from '../../../../tests/fixtures/analysis/small-region';
import { prepareAnalysis } from './prepare-analysis';
import { randomInput } from '../../../../tests/fixtures/analysis/random-input';
import { childAnalyses } from './child-analyses';
import { nearestSuitableVacancies } from './nearest-suitable-vacancies';

const context = prepareAnalysis(smallRegion());

describe('childAnalyses', () => {
	it('leaves distance, band and inside/outside unknown for a child with no placement location', () => {
		const c = childAnalyses(context).find((result) => result.id === 'c')!;
		expect(c).toMatchObject({
			miles: null,
			band: null,
			over20Miles: null,
			insideLa: null,
			placementLaCode: null
		});
		expect(c.nearestVacancy?.provider).toEqual({ type: 'fostering', laCode: 'SE' });
	});

	it('gives each child the nearest suitable vacancy a fresh search finds, also where children share a home point', () => {
		const input = randomInput(12, { children: 400, homes: 40 });
		const points = input.children.slice(0, 8).map((child) => child.home);
		input.children.forEach((child, i) => (child.home = points[i % 8]));
		const shared = prepareAnalysis(input);
		for (const result of childAnalyses(shared)) {
			const [fresh] = nearestSuitableVacancies(shared, { childId: result.id }, { k: 1, radiusMiles: 50 });
			expect(result.nearestVacancy).toEqual(fresh ? { provider: fresh.provider, miles: fresh.miles } : null);
		}
	});
});
