import type postgres from 'postgres';
import { costSharing, membershipEffect, type Formula, type SharingMember } from '$lib/domain/costs';
import * as costSettings from '../db/cost-settings';
import type { Rcc } from '../db/rccs';
import { dfeSeriesFiles } from './dfe-series-files';

/** The three years averaged: the last three published 31 March counts. */
export const SHARING_YEARS = [2023, 2024, 2025];

/** Every LA of England as a possible member, with its published counts of the sharing years. */
export function sharingMembers(): Map<string, SharingMember> {
	return new Map(
		dfeSeriesFiles().las.map((la) => [
			la.code,
			{
				code: la.code,
				name: la.name,
				lookedAfter: SHARING_YEARS.map((year) => la.years.find((y) => y.year === year)?.lookedAfter ?? null)
			}
		])
	);
}

/**
 * The RCC's running costs split between its members by `formula`, and with `join`/`leave` what a change
 * of membership would do, before it is applied. Public DfE counts only: nothing from the children's
 * records. Returns a message instead for an LA code that cannot join or leave.
 */
export async function rccCostSharing(
	sql: postgres.Sql,
	rcc: Rcc,
	options: { formula: Formula; join: string[]; leave: string[] }
) {
	const settings = await costSettings.of(sql, rcc.id);
	const everyone = sharingMembers();
	const member = (code: string): SharingMember =>
		everyone.get(code) ?? { code, name: code, lookedAfter: SHARING_YEARS.map(() => null) };
	const members = rcc.laCodes.map(member);
	for (const code of options.join) {
		if (!everyone.has(code)) return { message: `join: "${code}" is not an LA of England.` };
		if (rcc.laCodes.includes(code)) return { message: `join: ${code} is a member already.` };
	}
	for (const code of options.leave)
		if (!rcc.laCodes.includes(code)) return { message: `leave: ${code} is not a member.` };
	const sharingOptions = { formula: options.formula, budget: settings.budget, bands: settings.bands };
	const sharing = costSharing(members, sharingOptions);
	const change =
		options.join.length + options.leave.length === 0
			? null
			: {
					join: options.join,
					leave: options.leave,
					...membershipEffect(
						members,
						{ join: options.join.map(member), leave: options.leave },
						sharingOptions
					)
				};
	return {
		result: {
			rcc: { id: rcc.id, name: rcc.name },
			years: SHARING_YEARS,
			bands: settings.bands,
			defaults: settings.defaults,
			...sharing,
			change
		}
	};
}
