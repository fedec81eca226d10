import type postgres from 'postgres';
import * as Y from 'yjs';
import { formatDocName } from '../../collab/doc-name';

/**
 * A plan's document as stored (rows of `collab_updates`, written by the collaboration server within
 * milliseconds of each edit). Applying every row in any order gives the state; compaction replaces rows
 * by their merge in one transaction, so a read never sees half of it.
 */
export async function readPlanDoc(sql: postgres.Sql, planId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const rows = await sql<{ update: Buffer }[]>`
		select update from collab_updates where doc = ${formatDocName({ kind: 'plan', planId })} order by id`;
	doc.transact(() => {
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
	});
	return doc;
}
