import { z } from 'zod';
import type { PlacementType, Sector } from '../types';

export const COST_PLACEMENT_TYPES: readonly PlacementType[] = [
	'foster',
	'childrens_home',
	'secure',
	'residential_school',
	'supported',
	'other'
];
export const COST_SECTORS: readonly Sector[] = [
	'Private',
	'Local Authority',
	'Voluntary',
	'Health Authority'
];

/** The weekly cost of one placement of a type, with optional figures per provider sector. */
export interface UnitCost {
	placementType: PlacementType;
	/** Pounds per week per placement, whatever the sector (and where the sector is not recorded). */
	weekly: number;
	bySector: Partial<Record<Sector, number>>;
	/** Where the figure comes from, shown beside it. */
	source: string;
}

const CMA_INTERIM =
	"Competition and Markets Authority, Children's social care market study, interim report (22 October 2021)";
const CMA_FINAL =
	"Competition and Markets Authority, Children's social care market study, final report (10 March 2022)";
const ASSUMPTION = 'Regional assumption, not a published figure: set your own';

/**
 * The regional defaults, editable by the RCC's administrator. Children's homes: the CMA found the
 * largest private providers charged about £3,830 a week on average, and private and local authority
 * homes' costs broadly equivalent (final report). Fostering: about £820 a week for an independent
 * fostering agency placement (interim report); the CMA found indicative evidence that in-house
 * fostering costs less but gave no single figure, so in-house is an assumption. The rest are
 * assumptions, labelled as such.
 */
export const DEFAULT_UNIT_COSTS: readonly UnitCost[] = [
	{
		placementType: 'foster',
		weekly: 820,
		bySector: { 'Local Authority': 600 },
		source: `${CMA_INTERIM} (independent fostering agencies); in-house: ${ASSUMPTION.toLowerCase()}`
	},
	{ placementType: 'childrens_home', weekly: 3830, bySector: {}, source: `${CMA_INTERIM}; ${CMA_FINAL}` },
	{ placementType: 'secure', weekly: 7500, bySector: {}, source: ASSUMPTION },
	{ placementType: 'residential_school', weekly: 4500, bySector: {}, source: ASSUMPTION },
	{ placementType: 'supported', weekly: 1500, bySector: {}, source: ASSUMPTION },
	{ placementType: 'other', weekly: 500, bySector: {}, source: ASSUMPTION }
];

/** The weekly cost that applies to a placement of this type and sector (null sector: not recorded). */
export function weeklyCost(costs: readonly UnitCost[], type: PlacementType, sector: Sector | null): number {
	const cost = costs.find((c) => c.placementType === type);
	if (!cost) throw new Error(`weeklyCost: no unit cost for ${type}`);
	return (sector && cost.bySector[sector]) ?? cost.weekly;
}

/** Whole pounds a week, up to £100,000 (far above any placement on record). */
const pounds = z
	.number()
	.int('must be whole pounds')
	.min(0, 'cannot be negative')
	.max(100_000, 'must be at most £100,000 a week');

export const unitCostsSchema = z
	.array(
		z.object({
			placementType: z.enum(COST_PLACEMENT_TYPES as [PlacementType, ...PlacementType[]]),
			weekly: pounds,
			bySector: z.partialRecord(z.enum(COST_SECTORS as [Sector, ...Sector[]]), pounds).default({}),
			source: z.string().trim().min(1, 'needs a source').max(300, 'must be at most 300 characters')
		})
	)
	.superRefine((costs, context) => {
		for (const type of COST_PLACEMENT_TYPES) {
			const count = costs.filter((c) => c.placementType === type).length;
			if (count !== 1)
				context.addIssue({ code: 'custom', message: `needs exactly one cost for ${type}, not ${count}` });
		}
	});
