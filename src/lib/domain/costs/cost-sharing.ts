import { bandFor, type ContributionBand } from './contribution-bands';

export const FORMULAS = ['banded', 'proportional', 'equal'] as const;
export type Formula = (typeof FORMULAS)[number];

export interface SharingMember {
	code: string;
	name: string;
	/** Children looked after on 31 March of the last three years as DfE published them (null: withheld). */
	lookedAfter: readonly (number | null)[];
}

export interface Contribution {
	code: string;
	name: string;
	/** Mean of the known years' figures (null when none is known), to 1 decimal place. */
	threeYearAverage: number | null;
	/** The band applied (banded formula only). */
	band: ContributionBand | null;
	/** Pounds a year, whole pounds. */
	contribution: number;
}

export interface CostSharing {
	formula: Formula;
	budget: number;
	contributions: Contribution[];
	total: number;
	/** total - budget: above 0 the contributions exceed the running costs. */
	difference: number;
}

/**
 * The RCC's running costs (`budget`, pounds a year) split between its members: banded (each LA pays
 * its band's amount by three-year average children looked after, as the South East pathfinder does;
 * the total may differ from the budget), proportional to that average, or in equal shares. Shares are
 * whole pounds that add up to the budget exactly (largest remainders take the spare pounds). An LA
 * with no published figure pays the lowest band, or an equal share of what is proportional.
 */
export function costSharing(
	members: readonly SharingMember[],
	options: { formula: Formula; budget: number; bands: readonly ContributionBand[] }
): CostSharing {
	const averages = members.map((m) => average(m.lookedAfter));
	let amounts: number[];
	let bands: (ContributionBand | null)[] = members.map(() => null);
	if (options.formula === 'banded') {
		bands = averages.map((a) => bandFor(options.bands, a ?? 0));
		amounts = bands.map((b) => b!.amount);
	} else {
		const known = averages.filter((a): a is number => a !== null);
		const fallback = known.length > 0 ? known.reduce((s, a) => s + a, 0) / known.length : 1;
		const weights = options.formula === 'equal' ? members.map(() => 1) : averages.map((a) => a ?? fallback);
		amounts = apportion(options.budget, weights);
	}
	const contributions = members.map((m, i) => ({
		code: m.code,
		name: m.name,
		threeYearAverage: averages[i] === null ? null : Math.round(averages[i]! * 10) / 10,
		band: bands[i],
		contribution: amounts[i]
	}));
	const total = amounts.reduce((s, a) => s + a, 0);
	return {
		formula: options.formula,
		budget: options.budget,
		contributions,
		total,
		difference: total - options.budget
	};
}

export interface MembershipChange {
	join: readonly SharingMember[];
	leave: readonly string[];
}

/**
 * What an LA joining or leaving would do, before it is applied: the sharing with the changed
 * membership, and for every LA in either the change in its contribution.
 */
export function membershipEffect(
	members: readonly SharingMember[],
	change: MembershipChange,
	options: Parameters<typeof costSharing>[1]
): {
	after: CostSharing;
	changes: { code: string; name: string; before: number | null; after: number | null; change: number }[];
} {
	const before = costSharing(members, options);
	const leaving = new Set(change.leave);
	const afterMembers = [
		...members.filter((m) => !leaving.has(m.code)),
		...change.join.filter((j) => !members.some((m) => m.code === j.code))
	];
	const after = costSharing(afterMembers, options);
	const codes = [...new Set([...members, ...afterMembers].map((m) => m.code))];
	return {
		after,
		changes: codes.map((code) => {
			const was = before.contributions.find((c) => c.code === code);
			const will = after.contributions.find((c) => c.code === code);
			return {
				code,
				name: (was ?? will)!.name,
				before: was?.contribution ?? null,
				after: will?.contribution ?? null,
				change: (will?.contribution ?? 0) - (was?.contribution ?? 0)
			};
		})
	};
}

function average(values: readonly (number | null)[]): number | null {
	const known = values.filter((v): v is number => v !== null);
	return known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
}

/** Whole pounds in proportion to the weights, adding up to `total` (largest remainder method). */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((s, w) => s + w, 0);
	if (weights.length === 0) return [];
	const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
	const floors = exact.map(Math.floor);
	let spare = total - floors.reduce((s, f) => s + f, 0);
	const order = exact.map((e, i) => [e - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (spare <= 0) break;
		floors[i] += 1;
		spare -= 1;
	}
	return floors;
}
