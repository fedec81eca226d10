import { quantile } from '../forecast/bootstrap-band';
import type { Withheld } from '../small-count';
import { suppressRelated, sumRelation, type RelatedCell, type Relation } from '../suppress-related';
import type { PlacementType, Sector } from '../types';
import { weeklyCost, type UnitCost } from './unit-costs';

/** Weeks in a year of spend: a placement's annual cost is 52 weekly costs. */
export const WEEKS_PER_YEAR = 52;

/** How many of an LA's looked-after children live in a placement of this type and provider sector. */
export interface PlacementCount {
	laCode: string;
	placementType: PlacementType;
	/** The provider's sector; null where the data does not record it (fostering, other placements). */
	sector: Sector | null;
	count: number;
}

export interface CostGroup {
	placementType: PlacementType;
	sector: Sector | null;
	/** Pounds a week per placement. */
	weekly: number;
	/**
	 * Above the upper fence (Q3 + 1.5 x IQR) of the weekly cost of the region's placements of the same
	 * type: far dearer than like placements.
	 */
	outlier: boolean;
}

export interface GroupSpend {
	placementType: PlacementType;
	sector: Sector | null;
	placements: Withheld;
	/** Pounds; null when the placements are withheld (spend / weekly cost would give them away). */
	weeklySpend: number | null;
	annualSpend: number | null;
}

export interface AreaSpend {
	code: string;
	name: string;
	placements: Withheld;
	weeklySpend: number | null;
	annualSpend: number | null;
	groups: GroupSpend[];
}

export interface CostBenchmark {
	groups: CostGroup[];
	/** Weekly cost per placement over the region's placements: quartiles and the outlier fence. */
	distribution: { q1: number; median: number; q3: number; upperFence: number } | null;
	las: AreaSpend[];
	region: Omit<AreaSpend, 'code' | 'name'>;
}

/**
 * Weekly cost per placement by type and sector, its spread over the region's current placements and
 * the spend they imply, per LA and for the region. Counts of children leave their LA suppressed: the
 * counts, each LA's total and the region's per-group totals are one set of related figures, suppressed
 * together; a spend is shown only where every count it is made of is, so it never gives one away. `ownLas`: the reader's own LAs, whose figures they know.
 */
export function costBenchmark(input: {
	members: readonly { code: string; name: string }[];
	counts: readonly PlacementCount[];
	costs: readonly UnitCost[];
	ownLas: readonly string[];
}): CostBenchmark {
	const key = (type: PlacementType, sector: Sector | null) => `${type}|${sector ?? ''}`;
	const groupKeys = [
		...new Set(input.counts.filter((c) => c.count > 0).map((c) => key(c.placementType, c.sector)))
	].sort();
	const groupOf = groupKeys.map((k) => {
		const [placementType, sector] = k.split('|') as [PlacementType, string];
		const s = (sector || null) as Sector | null;
		return { placementType, sector: s, weekly: weeklyCost(input.costs, placementType, s) };
	});
	const countOf = new Map<string, number>();
	for (const c of input.counts) {
		const k = `${c.laCode}|${key(c.placementType, c.sector)}`;
		countOf.set(k, (countOf.get(k) ?? 0) + c.count);
	}
	const own = new Set(input.ownLas);

	// Cells: per LA its group counts and its total; then the region's group totals and its total.
	const cells: RelatedCell[] = [];
	const relations: Relation[] = [];
	const add = (cell: RelatedCell) => cells.push(cell) - 1;
	const laCells = input.members.map((la) => {
		const known = own.has(la.code);
		const groups = groupKeys.map((k) => add({ value: countOf.get(`${la.code}|${k}`) ?? 0, known }));
		const total = add({ value: groups.reduce((s, i) => s + cells[i].value!, 0), known });
		relations.push(sumRelation(total, groups));
		return { groups, total };
	});
	const regionGroups = groupKeys.map((_, g) => {
		const parts = laCells.map((la) => la.groups[g]);
		const cell = add({ value: parts.reduce((s, i) => s + cells[i].value!, 0) });
		relations.push(sumRelation(cell, parts));
		return cell;
	});
	const regionTotal = add({ value: regionGroups.reduce((s, i) => s + cells[i].value!, 0) });
	relations.push(sumRelation(regionTotal, regionGroups));
	const shown = suppressRelated(cells, relations);

	const spendOf = (placements: Withheld, weekly: number) => ({
		weeklySpend: placements.suppressed || placements.value === null ? null : placements.value * weekly,
		annualSpend:
			placements.suppressed || placements.value === null ? null : placements.value * weekly * WEEKS_PER_YEAR
	});
	// A spend total is shown only when every count it is made of is: then it tells nothing new. (As a
	// relation of its own, weighted by unit cost, it would let a reader solve two withheld counts of
	// different costs from a shown count total and spend.)
	const money = (groupCells: readonly number[]) => {
		const value = groupCells.some((cell) => shown[cell].suppressed)
			? null
			: groupCells.reduce((s, cell, g) => s + shown[cell].value! * groupOf[g].weekly, 0);
		return { weeklySpend: value, annualSpend: value === null ? null : value * WEEKS_PER_YEAR };
	};
	const groupSpends = (cellsOfGroups: readonly number[]) =>
		cellsOfGroups.map((cell, g) => ({
			placementType: groupOf[g].placementType,
			sector: groupOf[g].sector,
			placements: shown[cell],
			...spendOf(shown[cell], groupOf[g].weekly)
		}));

	// The spread of the weekly cost over the region's placements (each placement one observation).
	const weights = regionGroups.map((cell) => cells[cell].value!);
	const totalPlacements = weights.reduce((s, w) => s + w, 0);
	let distribution: CostBenchmark['distribution'] = null;
	if (totalPlacements > 0) {
		const sorted = groupOf
			.map((group, g) => ({ weekly: group.weekly, n: weights[g] }))
			.sort((a, b) => a.weekly - b.weekly);
		const at = (p: number) => weightedQuantile(sorted, totalPlacements, p);
		const [q1, median, q3] = [at(0.25), at(0.5), at(0.75)];
		distribution = { q1, median, q3, upperFence: q3 + 1.5 * (q3 - q1) };
	}
	// Outliers against placements of the same type: a children's home is not an outlier for costing
	// more than fostering, only for costing far more than other children's homes.
	const fenceOf = new Map<PlacementType, number>();
	for (const type of new Set(groupOf.map((group) => group.placementType))) {
		const ofType = groupOf
			.map((group, g) => ({ weekly: group.weekly, n: weights[g], type: group.placementType }))
			.filter((group) => group.type === type && group.n > 0)
			.sort((a, b) => a.weekly - b.weekly);
		const n = ofType.reduce((s, group) => s + group.n, 0);
		if (n === 0) continue;
		const [q1, q3] = [weightedQuantile(ofType, n, 0.25), weightedQuantile(ofType, n, 0.75)];
		fenceOf.set(type, q3 + 1.5 * (q3 - q1));
	}
	return {
		groups: groupOf.map((group) => ({
			...group,
			outlier: fenceOf.has(group.placementType) && group.weekly > fenceOf.get(group.placementType)!
		})),
		distribution,
		las: input.members.map((la, i) => ({
			code: la.code,
			name: la.name,
			placements: shown[laCells[i].total],
			...money(laCells[i].groups),
			groups: groupSpends(laCells[i].groups)
		})),
		region: { placements: shown[regionTotal], ...money(regionGroups), groups: groupSpends(regionGroups) }
	};
}

/** The p-quantile of values given with their counts, as if each were repeated (type 7). */
function weightedQuantile(
	sorted: readonly { weekly: number; n: number }[],
	total: number,
	p: number
): number {
	const nth = (index: number) => {
		let seen = 0;
		for (const { weekly, n } of sorted) {
			seen += n;
			if (index < seen) return weekly;
		}
		return sorted.at(-1)!.weekly;
	};
	const position = (total - 1) * p;
	const below = Math.floor(position);
	return quantile([nth(below), nth(Math.min(below + 1, total - 1))], position - below);
}
