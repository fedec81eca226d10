import { describe, expect, it } from 'vitest';
import type { WhatIfArea, WhatIfResult } from '$lib/domain/analysis';
import { suppressWhatIf } from './suppress-what-if';

function area(
	code: string,
	over20Miles: number,
	before: number,
	after: number,
	withPlacement = 100
): WhatIfArea {
	return {
		code,
		children: withPlacement,
		withPlacementLocation: withPlacement,
		over20Miles,
		couldLiveWithin20Before: before,
		couldLiveWithin20After: after,
		gained: after - before,
		percentOver20MilesNow: null,
		percentOver20MilesBefore: null,
		percentOver20MilesAfter: null
	};
}

function result(las: WhatIfArea[]): WhatIfResult {
	const sum = (key: keyof WhatIfArea) => las.reduce((total, la) => total + (la[key] as number), 0);
	return {
		las,
		region: area(
			'r',
			sum('over20Miles'),
			sum('couldLiveWithin20Before'),
			sum('couldLiveWithin20After'),
			sum('children')
		),
		byProposal: [],
		milliseconds: 1
	};
}

describe('suppressWhatIf', () => {
	const input = result([area('A', 20, 10, 13), area('B', 30, 10, 20), area('C', 40, 10, 25)]);

	it('withholds small counts and one more so that the total does not give them away', () => {
		const out = suppressWhatIf(input, () => false);
		expect(out.las[0].gained).toEqual({ value: null, suppressed: true });
		// A's gain of 3 would follow from the region's 28 minus B's 10 and C's 15: another is withheld.
		expect(
			out.las.filter((la) => la.gained.suppressed).length + (out.region.gained.suppressed ? 1 : 0)
		).toBeGreaterThan(1);
		expect(out.las[2].percentOver20MilesNow).toEqual({ value: 40, suppressed: false });
	});

	it('shows the reader’s own LA in full, and everything when every LA is theirs', () => {
		expect(suppressWhatIf(input, (code) => code === 'A').las[0].gained).toEqual({
			value: 3,
			suppressed: false
		});
		const all = suppressWhatIf(input, () => true);
		expect(all.region.gained).toEqual({ value: 28, suppressed: false });
		// Region: 90 over 20 of 300, 30 could move before, 58 after.
		expect(all.region.percentOver20MilesBefore).toEqual({ value: 20, suppressed: false });
		expect(all.region.percentOver20MilesAfter).toEqual({ value: 10.7, suppressed: false });
	});
});
