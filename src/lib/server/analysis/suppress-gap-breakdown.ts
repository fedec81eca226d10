import type { GapAgeBand, GapBreakdown } from '$lib/domain/analysis/gap-breakdown';
import type { ProvisionKind } from '$lib/domain/analysis';
import { isSmallCount, SMALL_COUNT_MAX, suppressTable, type Withheld } from '$lib/domain/suppression';

export interface PublicGapGroup {
	kind: ProvisionKind;
	ageBand: GapAgeBand;
	ageMin: number;
	ageMax: number;
	/** The group's children across the gap's LAs (the breakdown's column total). */
	children: Withheld;
	/** Needs at least one child of the group has, with how many have each. */
	needs: { need: string; children: Withheld }[];
	vacanciesNearby: number;
}

export interface PublicGapLa {
	code: string;
	/** The LA's children in the gap (row total), then one count per group. */
	children: Withheld;
	byGroup: Withheld[];
}

/** A proposed home that would take the gap's largest published group: what "Propose a home here" fills in. */
export interface GapSuggestion {
	kind: ProvisionKind;
	ageMin: number;
	ageMax: number;
	needs: string[];
	places: number;
}

export interface PublicGapBreakdown {
	groups: PublicGapGroup[];
	las: PublicGapLa[];
	suggestion: GapSuggestion | null;
}

/**
 * One gap's breakdown as it may leave the owning LAs. LAs by groups is one table with its row totals
 * (children per LA), column totals (per group) and grand total (the gap's published count), suppressed
 * as a whole (`suppressTable`): the reader's own LAs' rows are known to them. A need's count is shown
 * only when neither the other LAs' children with it nor those without it are 1 to 4, so it cannot be
 * subtracted from the group's total to reveal a small number.
 */
export function suppressGapBreakdown(
	breakdown: GapBreakdown,
	ownLaCodes: readonly string[]
): PublicGapBreakdown {
	const own = new Set(ownLaCodes);
	const codes = Object.keys(breakdown.byLa);
	const table = suppressTable(
		codes.map((code) => breakdown.byLa[code]),
		{
			rowTotals: true,
			columnTotals: true,
			known: (row) => own.has(codes[row]),
			knownRowTotal: (row) => own.has(codes[row])
		}
	);
	// The grand total is the gap's count, published beside it: a table that needs it withheld to keep a
	// cell safe shows no counts at all.
	const hidden = table.total?.suppressed === true;
	const withheld: Withheld = { value: null, suppressed: true };
	const groups = breakdown.groups.map((group, column): PublicGapGroup => {
		const children = hidden ? withheld : table.columnTotals[column];
		const others = codes.filter((code) => !own.has(code));
		const othersInGroup = others.reduce((sum, code) => sum + breakdown.byLa[code][column], 0);
		const needNames = new Set(Object.values(group.needsByLa).flatMap((needs) => Object.keys(needs)));
		const needs = [...needNames].sort().map((need) => {
			const count = (codes: string[]) =>
				codes.reduce((sum, code) => sum + (group.needsByLa[code]?.[need] ?? 0), 0);
			const withNeed = count(others);
			const small = children.suppressed || isSmallCount(withNeed) || isSmallCount(othersInGroup - withNeed);
			return { need, children: small ? withheld : { value: count(codes), suppressed: false } };
		});
		return {
			kind: group.kind,
			ageBand: group.ageBand,
			ageMin: group.ageMin,
			ageMax: group.ageMax,
			children,
			needs,
			vacanciesNearby: group.vacanciesNearby
		};
	});
	// The largest group: by its published size; when sizes are withheld, by its true size among groups of
	// five or more, so the order says no more than that the group is not a small number. Its places are
	// then the fewest a published group has.
	const suggested =
		groups.reduce<PublicGapGroup | null>(
			(best, group) =>
				group.children.value !== null && (best === null || group.children.value > best.children.value!)
					? group
					: best,
			null
		) ??
		breakdown.groups.reduce<number | null>((best, group, column) => {
			const size = columnSize(breakdown, column);
			return size > SMALL_COUNT_MAX && (best === null || size > columnSize(breakdown, best)) ? column : best;
		}, null);
	const largest = typeof suggested === 'number' ? groups[suggested] : suggested;
	return {
		groups,
		las: codes.map((code, row) => ({
			code,
			children: hidden && !own.has(code) ? withheld : table.rowTotals[row],
			byGroup: hidden && !own.has(code) ? table.cells[row].map(() => withheld) : table.cells[row]
		})),
		suggestion: largest && {
			kind: largest.kind,
			ageMin: largest.ageMin,
			ageMax: largest.ageMax,
			needs: largest.needs.map((need) => need.need),
			places: largest.children.value ?? SMALL_COUNT_MAX + 1
		}
	};
}

function columnSize(breakdown: GapBreakdown, column: number): number {
	return Object.values(breakdown.byLa).reduce((sum, row) => sum + row[column], 0);
}
