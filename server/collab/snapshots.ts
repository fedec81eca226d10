import type postgres from 'postgres';

/**
 * Named snapshots of a document for its version history (rows of `collab_snapshots`): the full Yjs
 * state at the time, as one update. Restoring or viewing one means applying it to a fresh `Y.Doc`.
 */
export interface SnapshotListing {
	id: string;
	name: string;
	createdAt: Date;
	createdBy: number | null;
	bytes: number;
}

export async function saveSnapshot(
	sql: postgres.Sql,
	snapshot: { docName: string; name: string; state: Uint8Array; createdBy: number | null }
): Promise<SnapshotListing> {
	const [row] = await sql<{ id: string; created_at: Date }[]>`
		insert into collab_snapshots (doc, name, state, created_by)
		values (${snapshot.docName}, ${snapshot.name}, ${Buffer.from(snapshot.state)}, ${snapshot.createdBy})
		returning id::text as id, created_at`;
	return {
		id: row.id,
		name: snapshot.name,
		createdAt: row.created_at,
		createdBy: snapshot.createdBy,
		bytes: snapshot.state.byteLength
	};
}

/** Newest first. */
export async function listSnapshots(sql: postgres.Sql, docName: string): Promise<SnapshotListing[]> {
	const rows = await sql<
		{ id: string; name: string; created_at: Date; created_by: number | null; bytes: number }[]
	>`
		select id::text as id, name, created_at, created_by, octet_length(state) as bytes
		from collab_snapshots where doc = ${docName} order by created_at desc, collab_snapshots.id desc`;
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		createdAt: row.created_at,
		createdBy: row.created_by,
		bytes: row.bytes
	}));
}

export async function readSnapshot(
	sql: postgres.Sql,
	docName: string,
	id: string
): Promise<Uint8Array | null> {
	if (!/^\d{1,18}$/.test(id)) return null;
	const [row] = await sql<{ state: Buffer }[]>`
		select state from collab_snapshots where doc = ${docName} and id = ${id}::bigint`;
	return row ? new Uint8Array(row.state) : null;
}
