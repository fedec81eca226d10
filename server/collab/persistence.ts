import type * as Y from 'yjs';

/** Stored form of collaborative documents. The Postgres implementation is postgres-persistence.ts. */
export interface Persistence {
	/** Applies every stored update of the document to `doc`; returns how many rows it read. */
	load(docName: string, doc: Y.Doc): Promise<{ rows: number }>;
	/** Queues an update; it is written, batched with others, within a few milliseconds. */
	append(docName: string, update: Uint8Array): void;
	/** Resolves once everything appended before the call is stored. */
	flush(): Promise<void>;
	/**
	 * Replaces the document's stored updates by one, merged from them (and from `current`, the state of
	 * the document in memory, when given), deleting exactly the rows it merged.
	 */
	compact(docName: string, current?: Uint8Array): Promise<CompactionResult>;
	/** Flushes, then stops writing. */
	close(): Promise<void>;
}

export type CompactionResult = { merged: number; bytes: number } | { skipped: 'busy' | 'nothing-to-do' };

/** Transaction origin of updates applied while loading a document: they are not stored again. */
export const LOAD_ORIGIN = Symbol('collab-load');
