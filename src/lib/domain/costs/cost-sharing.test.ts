import { describe, expect, it } from 'vitest';
import { bandFor, bandsSchema, DEFAULT_BANDS } from './contribution-bands';
import { apportion, costSharing, membershipEffect, type SharingMember } from './cost-sharing';

const member = (code: string, ...lookedAfter: (number | null)[]): SharingMember => ({
	code,
	name: code,
	lookedAfter
});
const options = { budget: 1_000_000, bands: DEFAULT_BANDS };

describe('bands at their edges', () => {
	it('takes `from` into the band and `to` into the next', () => {
		expect(bandFor(DEFAULT_BANDS, 0).amount).toBe(50_000);
		expect(bandFor(DEFAULT_BANDS, 299.9).amount).toBe(50_000);
		expect(bandFor(DEFAULT_BANDS, 300).amount).toBe(100_000);
		expect(bandFor(DEFAULT_BANDS, 1499.9).amount).toBe(250_000);
		expect(bandFor(DEFAULT_BANDS, 1500).amount).toBe(300_000);
		expect(bandFor(DEFAULT_BANDS, 100_000).amount).toBe(300_000);
	});

	it('bands an LA by the mean of its three years, so one year over an edge is not enough', () => {
		// (299 + 299 + 302) / 3 = 300: band 2. (299 + 299 + 301) / 3 = 299.67: band 1.
		const sharing = costSharing([member('A', 299, 299, 302), member('B', 299, 299, 301)], {
			...options,
			formula: 'banded'
		});
		expect(sharing.contributions.map((c) => [c.threeYearAverage, c.contribution])).toEqual([
			[300, 100_000],
			[299.7, 50_000]
		]);
		expect(sharing.total).toBe(150_000);
		expect(sharing.difference).toBe(150_000 - 1_000_000);
	});

	it('averages the years DfE published and puts an LA with none in the lowest band', () => {
		const sharing = costSharing([member('A', null, 600, 700), member('B', null, null, null)], {
			...options,
			formula: 'banded'
		});
		expect(sharing.contributions[0].threeYearAverage).toBe(650);
		expect(sharing.contributions[0].band).toEqual({ from: 600, to: 900, amount: 150_000 });
		expect(sharing.contributions[1].threeYearAverage).toBeNull();
		expect(sharing.contributions[1].contribution).toBe(50_000);
	});
});

describe('proportional and equal shares', () => {
	it('splits the budget in proportion to the averages, in whole pounds adding up to it', () => {
		const sharing = costSharing([member('A', 100, 100, 100), member('B', 200, 200, 200)], {
			...options,
			formula: 'proportional'
		});
		expect(sharing.contributions.map((c) => c.contribution)).toEqual([333_333, 666_667]);
		expect(sharing.total).toBe(1_000_000);
		expect(sharing.difference).toBe(0);
		expect(sharing.contributions[0].band).toBeNull();
	});

	it('splits equally, the spare pounds to the first', () => {
		const sharing = costSharing([member('A', 1), member('B', 900), member('C', 5)], {
			...options,
			formula: 'equal'
		});
		expect(sharing.contributions.map((c) => c.contribution)).toEqual([333_334, 333_333, 333_333]);
	});

	it('apportions whole pounds by largest remainder', () => {
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(100, [1, 3])).toEqual([25, 75]);
		expect(apportion(7, [0, 0])).toEqual([4, 3]);
		expect(apportion(5, [])).toEqual([]);
	});
});

describe('an LA joining or leaving, shown before it is applied', () => {
	const members = [member('A', 100, 100, 100), member('B', 300, 300, 300)];

	it('banded: a joiner pays its band and nobody else changes', () => {
		const effect = membershipEffect(
			members,
			{ join: [member('C', 1000, 1000, 1000)], leave: [] },
			{
				...options,
				formula: 'banded'
			}
		);
		expect(effect.changes).toEqual([
			{ code: 'A', name: 'A', before: 50_000, after: 50_000, change: 0 },
			{ code: 'B', name: 'B', before: 100_000, after: 100_000, change: 0 },
			{ code: 'C', name: 'C', before: null, after: 200_000, change: 200_000 }
		]);
		expect(effect.after.total).toBe(350_000);
	});

	it('proportional: a leaver its share moves to those who stay', () => {
		const effect = membershipEffect(
			members,
			{ join: [], leave: ['A'] },
			{ ...options, formula: 'proportional' }
		);
		expect(effect.changes).toEqual([
			{ code: 'A', name: 'A', before: 250_000, after: null, change: -250_000 },
			{ code: 'B', name: 'B', before: 750_000, after: 1_000_000, change: 250_000 }
		]);
	});

	it('equal: a joiner lowers every share', () => {
		const effect = membershipEffect(
			members,
			{ join: [member('C', 5)], leave: [] },
			{ ...options, formula: 'equal' }
		);
		expect(effect.changes.map((c) => c.after)).toEqual([333_334, 333_333, 333_333]);
		expect(effect.changes.map((c) => c.change)).toEqual([-166_666, -166_667, 333_333]);
	});

	it('ignores joining an LA that is a member already', () => {
		const effect = membershipEffect(
			members,
			{ join: [member('A', 100)], leave: [] },
			{ ...options, formula: 'equal' }
		);
		expect(effect.after.contributions).toHaveLength(2);
	});
});

describe('bandsSchema', () => {
	it('accepts the defaults', () => {
		expect(bandsSchema.safeParse(DEFAULT_BANDS).success).toBe(true);
	});

	it.each([
		[
			'a gap',
			[
				{ from: 0, to: 100, amount: 1 },
				{ from: 101, to: null, amount: 2 }
			],
			/must start where band 1 ends/
		],
		[
			'an overlap',
			[
				{ from: 0, to: 100, amount: 1 },
				{ from: 50, to: null, amount: 2 }
			],
			/must start where/
		],
		['a closed last band', [{ from: 0, to: 100, amount: 1 }], /no upper end/],
		['a start above 0', [{ from: 10, to: null, amount: 1 }], /start at 0/],
		[
			'an empty band',
			[
				{ from: 0, to: 0, amount: 1 },
				{ from: 0, to: null, amount: 1 }
			],
			/end above/
		],
		['a negative amount', [{ from: 0, to: null, amount: -1 }], /negative/],
		['pence', [{ from: 0, to: null, amount: 10.5 }], /whole pounds/],
		['no bands', [], /at least one/]
	])('refuses %s', (_, bands, message) => {
		const result = bandsSchema.safeParse(bands);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.message).join('; ')).toMatch(message);
	});
});
