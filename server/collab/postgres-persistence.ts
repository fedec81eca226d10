import type postgres from 'postgres';
import * as Y from 'yjs';
import { LOAD_ORIGIN, type CompactionResult, type Persistence } from './persistence';

export interface PostgresPersistenceOptions {
	/** How long appended updates wait to be written together. */
	batchMs?: number;
	/** At most this many rows per insert. */
	maxBatchRows?: number;
	/** Rows read per query when loading or compacting. */
	chunkRows?: number;
	log?: (message: string) => void;
}

interface Row {
	/** As text: bigint ids may exceed 2^53. (Not aliased `id`: `order by id` would then sort text.) */
	row_id: string;
	update: Buffer;
}

/**
 * Documents as rows of `collab_updates` (migrations/0003_collab.sql): each update a client makes is
 * appended as it arrives; compaction replaces many rows by one.
 */
export function createPostgresPersistence(
	sql: postgres.Sql,
	options: PostgresPersistenceOptions = {}
): Persistence {
	const batchMs = options.batchMs ?? 5;
	const maxBatchRows = options.maxBatchRows ?? 500;
	const chunkRows = options.chunkRows ?? 2000;
	const log = options.log ?? ((message: string) => console.log(`[collab] ${message}`));

	let queue: { doc: string; update: Buffer }[] = [];
	let timer: ReturnType<typeof setTimeout> | null = null;
	let writing: Promise<void> | null = null;
	let closed = false;

	async function writeAll(): Promise<void> {
		let failures = 0;
		while (queue.length > 0) {
			const batch = queue.slice(0, maxBatchRows);
			try {
				await sql`insert into collab_updates ${sql(batch, 'doc', 'update')}`;
				queue = queue.slice(batch.length);
				failures = 0;
			} catch (error) {
				// Keep the updates and retry: a client that reconnects would resend them anyway, but a database
				// blip must not cost the edits of clients that have since gone.
				failures++;
				if (failures === 1)
					log(`Storing ${queue.length} document updates failed (${describe(error)}); retrying`);
				await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** failures, 5000)));
			}
		}
	}

	function kick(): Promise<void> {
		if (timer) clearTimeout(timer);
		timer = null;
		writing ??= writeAll().finally(() => {
			writing = null;
		});
		return writing;
	}

	/**
	 * One transaction per chunk of rows: the document integrates them together (one `update` event), and
	 * nothing merges thousands of updates at once (NOTES.md: one `Y.mergeUpdates` over 20,000 rows takes
	 * seconds; applying them to a document in chunks takes a fraction of one).
	 */
	function applyRows(doc: Y.Doc, rows: Row[]): void {
		doc.transact(() => {
			for (const row of rows) Y.applyUpdate(doc, row.update, LOAD_ORIGIN);
		}, LOAD_ORIGIN);
	}

	async function readRows(
		query: postgres.Sql | postgres.TransactionSql,
		docName: string,
		each: (rows: Row[]) => void
	): Promise<string[]> {
		const ids: string[] = [];
		let after = '0';
		for (;;) {
			const rows = await query<Row[]>`
				select id::text as row_id, update from collab_updates
				where doc = ${docName} and id > ${after}::bigint order by id limit ${chunkRows}`;
			if (rows.length === 0) break;
			for (const row of rows) ids.push(row.row_id);
			each(rows);
			after = rows[rows.length - 1].row_id;
			if (rows.length < chunkRows) break;
		}
		return ids;
	}

	return {
		async load(docName, doc) {
			const ids = await readRows(sql, docName, (rows) => applyRows(doc, rows));
			return { rows: ids.length };
		},

		append(docName, update) {
			if (closed) throw new Error('Persistence is closed');
			queue.push({ doc: docName, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength) });
			if (queue.length >= maxBatchRows) void kick();
			else timer ??= setTimeout(() => void kick(), batchMs);
		},

		async flush() {
			while (queue.length > 0 || writing) await kick();
		},

		async compact(docName, current): Promise<CompactionResult> {
			return sql.begin(async (tx): Promise<CompactionResult> => {
				// One compactor per document across instances; another that finds it busy skips.
				const [{ locked }] = await tx<{ locked: boolean }[]>`
					select pg_try_advisory_xact_lock(hashtext(${'collab:' + docName})) as locked`;
				if (!locked) return { skipped: 'busy' };
				const doc = new Y.Doc();
				const ids = await readRows(tx, docName, (rows) => applyRows(doc, rows));
				if (current) Y.applyUpdate(doc, current, LOAD_ORIGIN);
				if (ids.length === 0 || (ids.length === 1 && !current)) return { skipped: 'nothing-to-do' };
				const state = Y.encodeStateAsUpdate(doc);
				doc.destroy();
				await tx`insert into collab_updates (doc, update) values (${docName}, ${Buffer.from(state)})`;
				// Exactly the rows read: rows appended meanwhile (even with smaller ids from slower transactions) stay.
				await tx`delete from collab_updates where doc = ${docName} and id = any(${ids}::bigint[])`;
				return { merged: ids.length, bytes: state.byteLength };
			});
		},

		async close() {
			await this.flush();
			closed = true;
		}
	};
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
