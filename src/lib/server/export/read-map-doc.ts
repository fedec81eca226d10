import type postgres from 'postgres';
import * as Y from 'yjs';
import { formatDocName } from '../../collab/doc-name';

/**
 * The RCC's workshop document `map:<rccId>` as stored (rows of `collab_updates`, written by the
 * collaboration server within milliseconds of each edit), as readPlanDoc reads a plan's. An RCC whose
 * map nobody has opened has no rows: an empty document.
 */
export async function readMapDoc(sql: postgres.Sql, rccId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const rows = await sql<{ update: Buffer }[]>`
		select update from collab_updates where doc = ${formatDocName({ kind: 'map', rccId })} order by id`;
	doc.transact(() => {
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
	});
	return doc;
}
