import { z } from 'zod';
import { IMPORT_KINDS } from '$lib/server/import/import-kind';
import { importJson, importRefused } from '$lib/server/import/import-responses';
import { importRefusal } from '$lib/server/import/may-import';
import { parseDate } from '$lib/server/import/parse-date';
import { CHUNK_BYTES, createUpload, uploadsDir } from '$lib/server/import/upload-store';
import { rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

const NewUpload = z.object({
	kind: z.enum(IMPORT_KINDS),
	laCodes: z.array(z.string().regex(/^E\d{8}$/)).max(200),
	asAt: z
		.string()
		.refine((value) => parseDate(value) !== null, 'Enter the collection date as dd/mm/yyyy')
		.nullable(),
	fileName: z.string().max(255),
	bytes: z.number().int().min(0)
});

/** Starts an upload: the file's chunks follow (PUT …/imports/<id>?offset=), then preview and confirm. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { sql } = locals.runtime.db;
	const { rcc, response } = await rccOr404(sql, params.id, locals.user);
	if (!rcc) return response;
	const parsed = NewUpload.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return importRefused(parsed.error.issues[0].message, 400);
	const { kind, laCodes, asAt, fileName, bytes } = parsed.data;
	const refusal = importRefusal(locals.user, rcc, kind, laCodes);
	if (refusal) return importRefused(refusal);
	const max = locals.runtime.config.importMaxBytes;
	if (bytes > max)
		return importRefused(
			`The file is larger than the ${Math.round(max / 1024 / 1024)} MB an import accepts.`,
			413
		);
	const upload = createUpload(uploadsDir(), {
		userId: locals.user!.id,
		rccId: rcc.id,
		kind,
		laCodes,
		asAt,
		fileName,
		bytes
	});
	return importJson({ id: upload.id, chunkBytes: CHUNK_BYTES }, 201);
};
