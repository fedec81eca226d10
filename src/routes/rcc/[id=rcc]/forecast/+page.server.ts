import { error } from '@sveltejs/kit';
import { FORMULAS, type Formula } from '$lib/domain/costs';
import { ENGLAND_ID } from '$lib/domain/types';
import { canAdministerRcc, canSeeRcc } from '$lib/server/access';
import { requireUser } from '$lib/server/auth/require-user';
import * as rccs from '$lib/server/db/rccs';
import { rccCostSharing, sharingMembers } from '$lib/server/forecast/rcc-cost-sharing';
import { rccCosts } from '$lib/server/forecast/rcc-costs';
import { rccForecast } from '$lib/server/forecast/rcc-forecast';
import { rccSummary } from '$lib/server/rcc-summary';
import type { PageServerLoad } from './$types';

const LA_CODE = /^E\d{8}$/;

/**
 * The forecast, costs and cost-sharing page: the same figures as forecast.json, costs.json and
 * cost-sharing.json (so the same suppression for this user), and the summary's capacity per LA for
 * the scenario's gap. `?formula=` and `?join=`/`?leave=` as cost-sharing.json.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { sql } = event.locals.runtime.db;
	const rcc = await rccs.find(sql, event.params.id);
	if (!rcc || rcc.id === ENGLAND_ID || !canSeeRcc(user, rcc.id))
		error(404, `There is no region called "${event.params.id}" that you can see.`);
	const asked = event.url.searchParams.get('formula') ?? 'banded';
	const formula: Formula = (FORMULAS as readonly string[]).includes(asked) ? (asked as Formula) : 'banded';
	const pick = (name: string) => {
		const code = (event.url.searchParams.get(name) ?? '').trim().toUpperCase();
		return LA_CODE.test(code) ? [code] : [];
	};
	const [costs, summary, sharing] = await Promise.all([
		rccCosts(sql, rcc, user),
		rccSummary(sql, rcc, user),
		rccCostSharing(sql, rcc, { formula, join: pick('join'), leave: pick('leave') })
	]);
	const plain =
		'message' in sharing ? await rccCostSharing(sql, rcc, { formula, join: [], leave: [] }) : sharing;
	const members = new Set(rcc.laCodes);
	return {
		rcc: { id: rcc.id, name: rcc.name },
		forecast: rccForecast(rcc, 5),
		costs,
		sharing: 'result' in plain ? plain.result! : null,
		sharingProblem: 'message' in sharing ? sharing.message : null,
		capacity: summary.las.map((la) => ({
			code: la.code,
			name: la.name,
			places: la.places.computed,
			fosteringPlaces: la.fosteringPlaces.computed,
			vacancies: la.vacancies.computed
		})),
		nonMembers: [...sharingMembers().values()]
			.filter((la) => !members.has(la.code))
			.map((la) => ({ code: la.code, name: la.name }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		canAdminister: canAdministerRcc(user, rcc.id)
	};
};
