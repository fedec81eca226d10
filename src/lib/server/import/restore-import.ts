import type postgres from 'postgres';
import * as audit from '../audit';
import type { AuditActor } from '../audit';
import { fileProblem, ImportRefused } from './import-problem';

export interface LastImport {
	id: number;
	at: string;
	kind: string;
	laCodes: string[];
	actorEmail: string | null;
	counts: Record<string, unknown>;
}

/** The latest import not yet undone that touched this LA, or null. */
export async function lastImportOf(
	sql: postgres.Sql | postgres.TransactionSql,
	laCode: string
): Promise<LastImport | null> {
	const [row] = await sql<(Omit<LastImport, 'id' | 'at'> & { id: string; at: Date })[]>`
		select id, at, kind, la_codes as "laCodes", actor_email as "actorEmail", counts from import_runs
		where restored_at is null and ${laCode} = any(la_codes) order by id desc limit 1`;
	return row ? { ...row, id: Number(row.id), at: row.at.toISOString() } : null;
}

/**
 * Puts back the state before the LA's last import: the rows it rewrote, as saved when it ran. Only the
 * latest import of every LA it touched can be undone (an older one would undo later imports too); the
 * import is then marked restored, so the one before it becomes the last.
 */
export async function restoreLastImport(
	sql: postgres.Sql,
	options: {
		laCode: string;
		actor: AuditActor | null;
		via: string;
		rccId?: string | null;
		address?: string | null;
	}
): Promise<LastImport> {
	return sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(4201979)`;
		const last = await lastImportOf(tx, options.laCode);
		if (!last)
			throw new ImportRefused([
				fileProblem(`no import of ${options.laCode} to undo`, 'nothing to do: the LA shows the data it had')
			]);
		const [later] = await tx<{ id: string }[]>`
			select id from import_runs where restored_at is null and id > ${last.id} and la_codes && ${tx.array(last.laCodes)}
			limit 1`;
		if (later)
			throw new ImportRefused([
				fileProblem(`a later import (number ${later.id}) covers some of the same LAs`, 'undo that one first')
			]);
		const [{ before }] = await tx<
			{ before: Record<string, unknown[]> }[]
		>`select before from import_runs where id = ${last.id}`;
		for (const [table, rows] of Object.entries(before)) {
			if (table === 'la_data_sources') continue;
			await restoreTable(tx, table, rows, last.laCodes);
		}
		await tx`delete from la_data_sources where la_code = any(${tx.array(last.laCodes)})`;
		await tx`insert into la_data_sources select * from jsonb_populate_recordset(null::la_data_sources, ${tx.json(before.la_data_sources as postgres.JSONValue)})`;
		await tx`update import_runs set restored_at = now() where id = ${last.id}`;
		await audit.record(tx, {
			action: 'import',
			actor: options.actor,
			rccId: options.rccId ?? null,
			subject: `${last.kind} for ${last.laCodes.join(', ') || 'England'} undone`,
			details: { via: options.via, restored: last.id, kind: last.kind, laCodes: last.laCodes },
			address: options.address ?? null
		});
		return last;
	});
}

const BY_LA = new Set(['children', 'imported_children', 'homes', 'fostering_capacity']);

async function restoreTable(
	tx: postgres.TransactionSql,
	table: string,
	rows: unknown[],
	laCodes: string[]
): Promise<void> {
	const json = tx.json(rows as postgres.JSONValue);
	if (table === 'homes') {
		// Homes are never deleted (placements reference them): the saved ones are put back as they were,
		// and any the import added are closed.
		await tx`update homes h set provision_type = s.provision_type, kind = s.kind, sector = s.sector, places = s.places,
			vacancies = s.vacancies, owner = s.owner, registration_date = s.registration_date,
			inspection_date = s.inspection_date, grade_overall = s.grade_overall,
			grade_help_and_protect = s.grade_help_and_protect, grade_leadership = s.grade_leadership,
			lon = s.lon, lat = s.lat, location_approximate = s.location_approximate, closed_on = s.closed_on
			from jsonb_populate_recordset(null::homes, ${json}) s where h.urn = s.urn`;
		await tx`update homes set closed_on = coalesce(closed_on, current_date), vacancies = 0
			where la_code = any(${tx.array(laCodes)})
			and urn not in (select urn from jsonb_populate_recordset(null::homes, ${json}))`;
		return;
	}
	if (!BY_LA.has(table) && table !== 'postcode_sectors') throw new Error(`cannot restore ${table}`);
	if (BY_LA.has(table)) await tx`delete from ${tx(table)} where la_code = any(${tx.array(laCodes)})`;
	else await tx`delete from ${tx(table)}`;
	await tx`insert into ${tx(table)} select * from jsonb_populate_recordset(null::${tx(table)}, ${json})`;
}
