import { describe, expect, it } from 'vitest';
import { smallRegion } from '../../../../tests/fixtures/analysis/small-region';
import { prepareAnalysis } from './prepare-analysis';
import { childAnalyses } from './child-analyses';

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
});
