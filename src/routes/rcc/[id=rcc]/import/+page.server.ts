import { error } from '@sveltejs/kit';
import { canSeeRcc, roleIn } from '$lib/server/access';
import { requireUser } from '$lib/server/auth/require-user';
import * as rccs from '$lib/server/db/rccs';
import { dataSourcesOf } from '$lib/server/import/data-sources';
import { IMPORT_KINDS, type ImportKind } from '$lib/server/import/import-kind';
import { importRefusal } from '$lib/server/import/may-import';
import { lastImportOf, type LastImport } from '$lib/server/import/restore-import';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { sql } = event.locals.runtime.db;
	const rcc = await rccs.find(sql, event.params.id);
	if (!rcc || !canSeeRcc(user, rcc.id))
		error(404, `There is no region called "${event.params.id}" that you can see.`);
	const grant = roleIn(user, rcc.id);
	const names = new Map(
		(
			await sql<
				{ code: string; name: string }[]
			>`select code, name from las where code = any(${sql.array(rcc.laCodes)})`
		).map((la) => [la.code, la.name])
	);
	// What this person may import, and for which LAs: a commissioner their own LA, an administrator any member.
	const las =
		grant?.role === 'commissioner' && grant.laCode
			? [grant.laCode]
			: grant?.role === 'rcc_admin'
				? rcc.laCodes
				: [];
	const kinds = IMPORT_KINDS.filter(
		(kind) => las.length > 0 && importRefusal(user, rcc, kind, [las[0]]) === null
	);
	const sources = await dataSourcesOf(sql, rcc.laCodes);
	const undoable: (LastImport & { laCode: string })[] = [];
	for (const laCode of las) {
		const last = await lastImportOf(sql, laCode);
		if (last && importRefusal(user, rcc, last.kind as ImportKind, last.laCodes) === null)
			undoable.push({ ...last, laCode });
	}
	return {
		rcc: { id: rcc.id, name: rcc.name },
		kinds,
		las: las.map((code) => ({ code, name: names.get(code) ?? code })),
		regionWide: grant?.role === 'rcc_admin',
		sources: sources.map((source) => ({ ...source, name: names.get(source.laCode) ?? source.laCode })),
		undoable: undoable.map((last) => ({ ...last, laName: names.get(last.laCode) ?? last.laCode }))
	};
};
