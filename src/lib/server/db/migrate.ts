import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './client';
import { DatabaseOpenError } from './client';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** Arbitrary but fixed: every instance of the app takes the same lock before migrating. */
const MIGRATION_LOCK = 4_201_977;

export function readMigrations(directory: string): Migration[] {
	return fs
		.readdirSync(directory)
		.filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
		.sort()
		.map((file) => ({
			version: Number(file.slice(0, 4)),
			name: file.replace(/\.sql$/, ''),
			sql: fs.readFileSync(path.join(directory, file), 'utf8')
		}));
}

/**
 * Applies the migrations not yet recorded, in order, each in its own transaction, under an advisory lock
 * so that instances starting together do not race. Returns the names applied.
 */
export async function migrate(db: Database, migrations: Migration[]): Promise<string[]> {
	const applied: string[] = [];
	await db.sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
		await tx`create table if not exists schema_migrations (
			version integer primary key,
			name text not null,
			applied_at timestamptz not null default now()
		)`;
		const rows = await tx<{ version: number; name: string }[]>`select version, name from schema_migrations`;
		const known = new Set(migrations.map((m) => m.version));
		const newer = rows.filter((row) => !known.has(row.version));
		if (newer.length > 0) {
			throw new DatabaseOpenError(
				`The database at ${db.location} has a newer schema (${newer.map((r) => r.name).join(', ')}) ` +
					'than this version of Close to Home knows. Upgrade the app, or point it at another database.'
			);
		}
		const done = new Set(rows.map((row) => row.version));
		for (const migration of migrations) {
			if (done.has(migration.version)) continue;
			try {
				await tx.unsafe(migration.sql);
			} catch (error) {
				// One line for the person starting the app: which upgrade stopped and the database's reason
				// (a migration may refuse data it cannot carry forward). The transaction leaves nothing behind.
				const reason = error instanceof Error ? error.message : String(error);
				throw new DatabaseOpenError(
					`Could not upgrade the database at ${db.location}: ${migration.name} stopped: ${reason}. Nothing was changed.`
				);
			}
			await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`;
			applied.push(migration.name);
		}
	});
	return applied;
}
