import { z } from 'zod';
import { clientOf } from '$lib/server/auth/client';
import { DEFAULT_LIMITS } from '$lib/server/import/import-limits';
import { ImportRefused } from '$lib/server/import/import-problem';
import { importJson, importProblems, importRefused } from '$lib/server/import/import-responses';
import { importRefusal } from '$lib/server/import/may-import';
import { parseDate } from '$lib/server/import/parse-date';
import { runImport } from '$lib/server/import/run-import';
import { appendChunk, deleteUpload, findUpload, uploadsDir } from '$lib/server/import/upload-store';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'There is no such upload (it may have expired: choose the file again).';

/** One chunk of the file, at `?offset=` (the bytes received so far). */
export const PUT: RequestHandler = async ({ locals, params, request, url }) => {
	const { rcc, response } = await rccOr404(locals.runtime.db.sql, params.id, locals.user);
	if (!rcc) return response;
	const upload = findUpload(uploadsDir(), params.uploadId, locals.user!.id);
	if (!upload || upload.rccId !== rcc.id) return importRefused(NOT_FOUND, 404);
	const offset = Number(url.searchParams.get('offset'));
	const chunk = new Uint8Array(await request.arrayBuffer());
	if (!appendChunk(upload, offset, chunk))
		return importRefused(`Expected the bytes from ${upload.received}, up to ${upload.bytes} in all.`, 409);
	return importJson({ received: offset + chunk.byteLength });
};

const Run = z.object({ confirm: z.boolean() });

/**
 * Checks the uploaded file and says what would change (`confirm: false`), or imports it (`confirm:
 * true`), after which the file is deleted. 422 with the problems when it is refused.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	const user = locals.user!;
	const dir = uploadsDir();
	const upload = findUpload(dir, params.uploadId, user.id);
	if (!upload || upload.rccId !== rcc.id) return importRefused(NOT_FOUND, 404);
	const parsed = Run.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return importRefused('Say whether to confirm the import.', 400);
	// Roles may have changed since the upload began.
	const refusal = importRefusal(user, rcc, upload.kind, upload.laCodes);
	if (refusal) return importRefused(refusal);
	if (upload.received !== upload.bytes)
		return importRefused(`Only ${upload.received} of ${upload.bytes} bytes have arrived.`, 409);
	try {
		const outcome = await runImport(sql, {
			kind: upload.kind,
			laCodes: upload.laCodes,
			file: upload.file,
			dryRun: !parsed.data.confirm,
			asAt: upload.asAt ? (parseDate(upload.asAt) ?? undefined) : undefined,
			actor: { id: user.id, email: user.email },
			via: 'page',
			rccId: rcc.id,
			address: clientOf(event).address,
			limits: { ...DEFAULT_LIMITS, maxBytes: locals.runtime.config.importMaxBytes }
		});
		if (parsed.data.confirm) deleteUpload(dir, upload.id);
		return importJson({ ...outcome, fileName: upload.fileName });
	} catch (error) {
		if (!(error instanceof ImportRefused)) throw error;
		deleteUpload(dir, upload.id);
		return importProblems(error.problems);
	}
};

export const DELETE: RequestHandler = async ({ locals, params }) => {
	const { rcc, response } = await rccOr404(locals.runtime.db.sql, params.id, locals.user);
	if (!rcc) return response;
	if (findUpload(uploadsDir(), params.uploadId, locals.user!.id)) deleteUpload(uploadsDir(), params.uploadId);
	return new Response(null, { status: 204 });
};
