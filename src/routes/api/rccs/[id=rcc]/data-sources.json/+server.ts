import { dataSourcesOf } from '$lib/server/import/data-sources';
import { importJson } from '$lib/server/import/import-responses';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/** Per member LA: whether its children come from its imported SSDA903 return (and when) or the demo. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	return importJson(await dataSourcesOf(sql, rcc.laCodes));
};
