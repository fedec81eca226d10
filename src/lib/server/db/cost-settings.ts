import type postgres from 'postgres';
import {
	bandsSchema,
	DEFAULT_BANDS,
	DEFAULT_UNIT_COSTS,
	unitCostsSchema,
	type ContributionBand,
	type UnitCost
} from '$lib/domain/costs';

/** Pounds a year of running costs an RCC starts with until its administrator sets its own. */
export const DEFAULT_BUDGET_POUNDS = 2_000_000;

export interface CostSettings {
	unitCosts: UnitCost[];
	bands: ContributionBand[];
	budget: number;
	/** Which of the three are the regional defaults (not set by the RCC). */
	defaults: { unitCosts: boolean; bands: boolean; budget: boolean };
	updatedAt: string | null;
}

/**
 * The RCC's cost settings, each falling back to the regional default. A stored value that no longer
 * validates (an older shape) is read as the default rather than trusted.
 */
export async function of(sql: postgres.Sql, rccId: string): Promise<CostSettings> {
	const [row] = await sql<{ unitCosts: unknown; bands: unknown; budget: number | null; updatedAt: Date }[]>`
		select unit_costs as "unitCosts", bands, budget_pounds as budget, updated_at as "updatedAt"
		from rcc_cost_settings where rcc_id = ${rccId}`;
	const unitCosts = unitCostsSchema.safeParse(row?.unitCosts);
	const bands = bandsSchema.safeParse(row?.bands);
	return {
		unitCosts: unitCosts.success ? unitCosts.data : DEFAULT_UNIT_COSTS.map((c) => ({ ...c })),
		bands: bands.success ? bands.data : DEFAULT_BANDS.map((b) => ({ ...b })),
		budget: row?.budget ?? DEFAULT_BUDGET_POUNDS,
		defaults: { unitCosts: !unitCosts.success, bands: !bands.success, budget: row?.budget == null },
		updatedAt: row ? row.updatedAt.toISOString() : null
	};
}

/** Stores what is given (validated by the caller); `null` resets one to the default. */
export async function save(
	sql: postgres.Sql | postgres.TransactionSql,
	rccId: string,
	change: { unitCosts?: UnitCost[] | null; bands?: ContributionBand[] | null; budget?: number | null },
	userId: number
): Promise<void> {
	const json = (value: unknown) => (value === null ? null : sql.json(value as postgres.JSONValue));
	await sql`insert into rcc_cost_settings (rcc_id, updated_by) values (${rccId}, ${userId})
		on conflict (rcc_id) do nothing`;
	if (change.unitCosts !== undefined)
		await sql`update rcc_cost_settings set unit_costs = ${json(change.unitCosts)} where rcc_id = ${rccId}`;
	if (change.bands !== undefined)
		await sql`update rcc_cost_settings set bands = ${json(change.bands)} where rcc_id = ${rccId}`;
	if (change.budget !== undefined)
		await sql`update rcc_cost_settings set budget_pounds = ${change.budget} where rcc_id = ${rccId}`;
	await sql`update rcc_cost_settings set updated_at = now(), updated_by = ${userId} where rcc_id = ${rccId}`;
}
