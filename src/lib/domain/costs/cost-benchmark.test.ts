import { describe, expect, it } from 'vitest';
import { costBenchmark, type PlacementCount } from './cost-benchmark';
import { DEFAULT_UNIT_COSTS, unitCostsSchema, weeklyCost } from './unit-costs';

const members = [
	{ code: 'A', name: 'A' },
	{ code: 'B', name: 'B' }
];
const count = (
	laCode: string,
	placementType: PlacementCount['placementType'],
	sector: PlacementCount['sector'],
	n: number
) => ({
	laCode,
	placementType,
	sector,
	count: n
});

describe('costBenchmark', () => {
	const counts = [
		count('A', 'foster', null, 40),
		count('A', 'childrens_home', 'Private', 10),
		count('A', 'secure', 'Local Authority', 2),
		count('B', 'foster', null, 30),
		count('B', 'childrens_home', 'Private', 12),
		count('B', 'secure', 'Local Authority', 6)
	];

	it('prices each group and spreads the weekly cost over the placements', () => {
		const result = costBenchmark({ members, counts, costs: DEFAULT_UNIT_COSTS, ownLas: [] });
		expect(result.groups.map((g) => [g.placementType, g.sector, g.weekly])).toEqual([
			['childrens_home', 'Private', 3830],
			['foster', null, 820],
			['secure', 'Local Authority', 7500]
		]);
		// 100 placements: 70 at £820, 22 at £3,830, 8 at £7,500 (sorted: 0-69, 70-91, 92-99). Q1 is the
		// 24.75th (£820), the median the 49.5th (£820), Q3 the 74.25th (£3,830): fence 3,830 + 1.5 x 3,010.
		expect(result.distribution).toEqual({ q1: 820, median: 820, q3: 3830, upperFence: 8345 });
		expect(result.groups.map((g) => g.outlier)).toEqual([false, false, false]);
	});

	it('flags a cost far above like placements of the same type as an outlier', () => {
		// Children's homes: 22 private at £3,830 and 2 voluntary at £9,000: Q1 = Q3 = £3,830, so the
		// voluntary ones are outliers; fostering's lone cost is not, nor the dearer secure homes.
		const costs = DEFAULT_UNIT_COSTS.map((c) =>
			c.placementType === 'childrens_home' ? { ...c, bySector: { Voluntary: 9000 } } : c
		);
		const withVoluntary = [...counts, count('B', 'childrens_home', 'Voluntary', 2)];
		const result = costBenchmark({ members, counts: withVoluntary, costs, ownLas: [] });
		expect(result.groups.map((g) => [g.placementType, g.sector, g.outlier])).toEqual([
			['childrens_home', 'Private', false],
			['childrens_home', 'Voluntary', true],
			['foster', null, false],
			['secure', 'Local Authority', false]
		]);
	});

	it('withholds an LA count of 1-4 and every spend that would give it away', () => {
		const result = costBenchmark({ members, counts, costs: DEFAULT_UNIT_COSTS, ownLas: [] });
		const a = result.las[0];
		const secure = a.groups.find((g) => g.placementType === 'secure')!;
		expect(secure.placements).toEqual({ value: null, suppressed: true });
		expect(secure.weeklySpend).toBeNull();
		expect(secure.annualSpend).toBeNull();
		// A spend total is withheld with any count it is made of: spend - the shown groups' spend would
		// be 7,500 x the withheld secure count.
		expect(a.weeklySpend).toBeNull();
		expect(a.annualSpend).toBeNull();
		// B's 6 secure placements, and the region's 8, are not small.
		expect(result.region.groups.find((g) => g.placementType === 'secure')!.placements.value).toBe(8);
	});

	it('shows the reader their own LA in full', () => {
		const result = costBenchmark({ members, counts, costs: DEFAULT_UNIT_COSTS, ownLas: ['A'] });
		const a = result.las[0];
		expect(a.placements.value).toBe(52);
		expect(a.weeklySpend).toBe(40 * 820 + 10 * 3830 + 2 * 7500);
		expect(a.annualSpend).toBe(a.weeklySpend! * 52);
		expect(a.groups.find((g) => g.placementType === 'secure')!.weeklySpend).toBe(15_000);
		// Knowing A and the region, B's secure count (6) is shown: it is not small.
		expect(result.las[1].groups.find((g) => g.placementType === 'secure')!.placements.value).toBe(6);
	});

	it('totals the region', () => {
		const result = costBenchmark({ members, counts, costs: DEFAULT_UNIT_COSTS, ownLas: [] });
		expect(result.region.placements.value).toBe(100);
		expect(result.region.weeklySpend).toBe(70 * 820 + 22 * 3830 + 8 * 7500);
	});

	it('has no distribution without placements', () => {
		const result = costBenchmark({ members, counts: [], costs: DEFAULT_UNIT_COSTS, ownLas: [] });
		expect(result.distribution).toBeNull();
		expect(result.region.placements.value).toBe(0);
	});
});

describe('unit costs', () => {
	it('applies a sector figure where there is one, else the type figure', () => {
		expect(weeklyCost(DEFAULT_UNIT_COSTS, 'foster', 'Local Authority')).toBe(600);
		expect(weeklyCost(DEFAULT_UNIT_COSTS, 'foster', 'Private')).toBe(820);
		expect(weeklyCost(DEFAULT_UNIT_COSTS, 'foster', null)).toBe(820);
	});

	it('accepts the defaults and refuses a missing type, pence and a negative figure', () => {
		expect(unitCostsSchema.safeParse(DEFAULT_UNIT_COSTS).success).toBe(true);
		expect(unitCostsSchema.safeParse(DEFAULT_UNIT_COSTS.slice(1)).error?.issues[0].message).toMatch(
			/exactly one cost for foster/
		);
		const pence = DEFAULT_UNIT_COSTS.map((c) => ({ ...c, weekly: c.weekly + 0.5 }));
		expect(unitCostsSchema.safeParse(pence).error?.issues[0].message).toMatch(/whole pounds/);
		const negative = DEFAULT_UNIT_COSTS.map((c) => ({ ...c, bySector: { Private: -1 } }));
		expect(unitCostsSchema.safeParse(negative).error?.issues[0].message).toMatch(/negative/);
	});
});
