import { z } from 'zod';
import { clientOf } from '$lib/server/auth/client';
import { ImportRefused } from '$lib/server/import/import-problem';
import { importJson, importProblems, importRefused } from '$lib/server/import/import-responses';
import { restoreRefusal } from '$lib/server/import/may-import';
import { lastImportOf, restoreLastImport } from '$lib/server/import/restore-import';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

const Restore = z.object({ laCode: z.string().regex(/^E\d{8}$/) });

/** Undoes the last import of a member LA, for whoever may import what it was. */
export const POST: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	const parsed = Restore.safeParse(await request.json().catch(() => null));
	if (!parsed.success || !rcc.laCodes.includes(parsed.data.laCode))
		return importRefused('Choose a member LA.', 400);
	const last = await lastImportOf(sql, parsed.data.laCode);
	if (!last) return importRefused('There is no import of this LA to undo.', 409);
	const refusal = restoreRefusal(locals.user, rcc, last);
	if (refusal) return importRefused(refusal);
	try {
		const undone = await restoreLastImport(sql, {
			laCode: parsed.data.laCode,
			actor: { id: locals.user!.id, email: locals.user!.email },
			via: 'page',
			rccId: rcc.id,
			address: clientOf(event).address
		});
		return importJson({ undone });
	} catch (error) {
		if (!(error instanceof ImportRefused)) throw error;
		return importProblems(error.problems);
	}
};
