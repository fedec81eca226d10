import { error } from '@sveltejs/kit';
import * as rccs from '$lib/server/db/rccs';
import * as publishedVersions from '$lib/plan/server/published-versions.server';
import type { PageServerLoad } from './$types';

/** Public and immutable: one published version, as frozen when it was published. */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const { sql } = locals.runtime.db;
	const version = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(params.planId)
		? await publishedVersions.find(sql, params.rccId, params.planId, Number(params.version))
		: null;
	if (!version) error(404, 'There is no published version at this address.');
	const [rcc, versions] = await Promise.all([
		rccs.find(sql, params.rccId),
		publishedVersions.ofPlan(sql, params.rccId, params.planId)
	]);
	// A published version never changes: caches may keep it as long as they like.
	setHeaders({ 'cache-control': 'public, max-age=3600' });
	return {
		rccName: rcc?.name ?? params.rccId,
		version,
		latestVersion: versions[0]?.version ?? version.version
	};
};
