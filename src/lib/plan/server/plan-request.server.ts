import type postgres from 'postgres';
import type { CurrentUser } from '../../domain/types';
import { rccOr404, notFound } from '../../server/responses';
import type { Rcc } from '../../server/db/rccs';
import * as plans from './plans.server';

/**
 * The RCC and plan a request names, or the response to send instead: 401 anonymous, 404 for an RCC the
 * user may not see (not revealed to exist) or a plan that is not this RCC's.
 */
export async function planOr404(
	sql: postgres.Sql,
	params: { id: string; planId: string },
	user: CurrentUser | null
): Promise<
	| { rcc: Rcc; plan: plans.Plan; response?: undefined }
	| { rcc?: undefined; plan?: undefined; response: Response }
> {
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return { response };
	const plan = await plans.find(sql, rcc.id, params.planId);
	if (!plan) return { response: notFound(`There is no plan "${params.planId}" in ${rcc.name}.`) };
	return { rcc, plan };
}
