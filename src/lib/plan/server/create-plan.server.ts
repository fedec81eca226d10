import type postgres from 'postgres';
import { z } from 'zod';
import type { CurrentUser } from '../../domain/types';
import * as las from '../../server/db/las';
import type { Rcc } from '../../server/db/rccs';
import { newPlanState } from '../new-plan-state';
import { MAX_PERIOD_LENGTH, MAX_TITLE_LENGTH } from '../plan-limits';
import * as plans from './plans.server';

export const NewPlanInput = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Enter a title')
		.max(MAX_TITLE_LENGTH, `Title must be ${MAX_TITLE_LENGTH} characters or fewer`),
	period: z
		.string()
		.trim()
		.max(MAX_PERIOD_LENGTH, `Period must be ${MAX_PERIOD_LENGTH} characters or fewer`)
		.regex(/^(\d{4}\s*(-|to)\s*\d{4})?$/, 'Enter the period as two years, for example 2026-2029')
		.default('')
});
export type NewPlanInput = z.infer<typeof NewPlanInput>;

/** A new plan of the RCC, its text the statutory-guidance template naming the RCC's member LAs. */
export async function createPlan(
	sql: postgres.Sql,
	options: { rcc: Rcc; user: CurrentUser; input: NewPlanInput }
): Promise<plans.Plan> {
	const { rcc, user, input } = options;
	const members = await las.withPublished(sql, rcc.laCodes);
	const period = input.period.replace(/\s*(-|to)\s*/, '-');
	return plans.create(sql, {
		rccId: rcc.id,
		title: input.title,
		period: period || null,
		createdBy: user.id,
		initialState: newPlanState({ rccName: rcc.name, period, laNames: members.map((la) => la.name) })
	});
}
