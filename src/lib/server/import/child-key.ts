import { createHmac, randomBytes } from 'node:crypto';
import type postgres from 'postgres';

type Sql = postgres.Sql | postgres.TransactionSql;

export interface ChildKey {
	key: Buffer;
	/** Made now: stored by the import's write (a dry run or a refused file stores nothing). */
	isNew: boolean;
}

/** The LA's key for hashing CHILD ids, or a new one for its first import. */
export async function childKeyOf(sql: Sql, laCode: string): Promise<ChildKey> {
	const [row] = await sql<{ key: Buffer }[]>`select key from import_keys where la_code = ${laCode}`;
	return row ? { key: row.key, isNew: false } : { key: randomBytes(32), isNew: true };
}

/** Stores a new key; false when another import stored one first (its hashes are then the ones kept). */
export async function storeChildKey(tx: Sql, laCode: string, key: ChildKey): Promise<boolean> {
	if (!key.isNew) return true;
	const rows = await tx`insert into import_keys (la_code, key) values (${laCode}, ${key.key})
		on conflict (la_code) do nothing returning la_code`;
	return rows.length === 1;
}

/**
 * The CHILD id as SSDA903 systems write it, with Excel's damage undone: a numeric id that lost or gained
 * leading zeros (`000123` vs `123`) is the same child.
 */
export function normaliseChildId(child: string): string {
	const trimmed = child.trim().toUpperCase();
	return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}

/**
 * The id a child gets in the app: a keyed hash (HMAC-SHA256) of the CHILD id under the LA's key, so
 * that nobody holding the app's data without the key can link it to the LA's records, and the same
 * CHILD gets the same id on every import. 96 bits: no collision among any LA's children.
 */
export function hashChildId(key: Buffer, child: string): string {
	return 'c' + createHmac('sha256', key).update(normaliseChildId(child)).digest('hex').slice(0, 24);
}
