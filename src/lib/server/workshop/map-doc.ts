import type postgres from 'postgres';
import * as Y from 'yjs';
import { formatDocName } from '$lib/collab/doc-name';

/**
 * An RCC's workshop document `map:<rccId>` as stored (rows of `collab_updates`, written by the
 * collaboration server within milliseconds of each edit). Applying every row in any order gives the
 * state; an RCC whose workshop was never opened has an empty document.
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
