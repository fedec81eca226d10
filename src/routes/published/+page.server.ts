import * as rccs from '$lib/server/db/rccs';
import { ENGLAND_ID } from '$lib/domain/types';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/**
 * Public: every RCC by name, each with the latest version of the strategies it has published (README,
 * "Published strategies": an RCC's name is public here, nothing else about it until it publishes).
 * England is no RCC and publishes nothing.
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const { sql } = locals.runtime.db;
	const [all, latest] = await Promise.all([rccs.list(sql), publishedVersions.latestOfRcc(sql, null)]);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		rccs: all
			.filter((rcc) => rcc.id !== ENGLAND_ID)
			.map((rcc) => ({
				id: rcc.id,
				name: rcc.name,
				plans: latest.filter((plan) => plan.rccId === rcc.id)
			}))
	};
};
