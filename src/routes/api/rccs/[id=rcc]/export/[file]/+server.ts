import { denied } from '$lib/server/access';
import { clientOf } from '$lib/server/auth/client';
import * as audit from '$lib/server/audit';
import { exportLayers, parseExportFile } from '$lib/server/export/export-layers';
import { exportResponse } from '$lib/server/export/export-response';
import { notFound, rccOr404 } from '$lib/server/responses';
import type { RequestHandler } from './$types';

/**
 * `GET /api/rccs/:id/export/<layer>.{csv,geojson}` (docs/exports.md): one map layer as this reader
 * may see it, suppressed as the map shows it, and written to the audit log with its row count.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	const { sql } = locals.runtime.db;
	const user = locals.user;
	const { rcc, response } = await rccOr404(sql, params.id, user);
	if (!rcc) return response;
	if (!user) return denied(user);
	const file = parseExportFile(params.file);
	if (!file)
		return notFound(
			`There is no export "${params.file}": ask for <layer>.csv or <layer>.geojson, the layer one of ${Object.keys(exportLayers).join(', ')}.`
		);
	const table = await exportLayers[file.layer]({ sql, rcc, user });
	if (table instanceof Response) return table;
	await audit.record(sql, {
		action: 'export',
		actor: user,
		rccId: rcc.id,
		subject: `${file.layer}.${file.format}`,
		details: { layer: file.layer, format: file.format, rows: table.rows.length },
		address: clientOf(event).address
	});
	return exportResponse(table, { format: file.format, fileStem: `${rcc.id}-${file.layer}`, request });
};
