import type postgres from 'postgres';
import { costBenchmark, WEEKS_PER_YEAR, type CostBenchmark } from '$lib/domain/costs';
import type { CurrentUser } from '$lib/domain/types';
import { canSeeChildRecords } from '../access';
import * as costSettings from '../db/cost-settings';
import * as las from '../db/las';
import * as placementCounts from '../db/placement-counts';
import type { Rcc } from '../db/rccs';

export interface CostsJson extends CostBenchmark {
	rcc: { id: string; name: string };
	unitCosts: costSettings.CostSettings['unitCosts'];
	defaults: costSettings.CostSettings['defaults'];
	weeksPerYear: number;
}

/**
 * Cost benchmarking of an RCC's current placements: the unit costs in force (the RCC's, else the
 * regional defaults), their spread and outliers, and the spend per LA and for the region, suppressed
 * as child counts leaving their LA for this user.
 */
export async function rccCosts(sql: postgres.Sql, rcc: Rcc, user: CurrentUser | null): Promise<CostsJson> {
	const [settings, members, counts] = await Promise.all([
		costSettings.of(sql, rcc.id),
		las.withPublished(sql, rcc.laCodes),
		placementCounts.ofLas(sql, rcc.laCodes)
	]);
	const benchmark = costBenchmark({
		members: members.map((la) => ({ code: la.code, name: la.name })),
		counts,
		costs: settings.unitCosts,
		ownLas: rcc.laCodes.filter((code) => canSeeChildRecords(user, code))
	});
	return {
		rcc: { id: rcc.id, name: rcc.name },
		unitCosts: settings.unitCosts,
		defaults: settings.defaults,
		weeksPerYear: WEEKS_PER_YEAR,
		...benchmark
	};
}
