import type postgres from 'postgres';

/**
 * Password guessing is slowed, never stopped: each key allows `free` attempts, then every further one
 * waits `baseSeconds` doubled per attempt, up to `capSeconds`. Keys:
 * - `accountAddress`: one account (the email as typed, known or not, so the answer reveals nothing) from
 *   one address. Someone guessing from elsewhere does not slow the real user down from their own place.
 * - `address`: one address across accounts (spraying one password over many emails).
 * - `account`: one account across addresses (guessing from many machines). It holds back only addresses
 *   this account has not signed in from lately, so an attack from elsewhere cannot lock its owner out.
 * A success forgives its account-and-address; a key unused for a day is forgotten.
 */
export const THROTTLE = {
	accountAddress: { free: 5, baseSeconds: 60, capSeconds: 60 * 60 },
	address: { free: 20, baseSeconds: 60, capSeconds: 60 * 60 },
	account: { free: 100, baseSeconds: 60, capSeconds: 60 * 60 },
	forgetAfterSeconds: 24 * 60 * 60,
	knownAddressSeconds: 30 * 24 * 60 * 60
} as const;

type Scope = 'account_address' | 'address' | 'account';

interface Rule {
	free: number;
	baseSeconds: number;
	capSeconds: number;
}

interface Key {
	scope: Scope;
	key: string;
	rule: Rule;
}

export interface SignInClient {
	email: string;
	address: string | null;
}

/** An attempt that may go ahead (already counted), or how long to wait. */
export type Attempt =
	{ ok: true; client: SignInClient; keys: Key[] } | { ok: false; retryAfterSeconds: number };

type Sql = postgres.Sql | postgres.TransactionSql;

function accountAddressKey(client: SignInClient): string {
	return JSON.stringify([client.email, client.address]);
}

async function keysFor(sql: Sql, client: SignInClient): Promise<Key[]> {
	const pair = accountAddressKey(client);
	const keys: Key[] = [{ scope: 'account_address', key: pair, rule: THROTTLE.accountAddress }];
	if (client.address) keys.push({ scope: 'address', key: client.address, rule: THROTTLE.address });
	const [known] = await sql`select 1 from sign_in_throttle
		where scope = 'account_address' and key = ${pair}
		and succeeded_at > now() - make_interval(secs => ${THROTTLE.knownAddressSeconds})`;
	if (!known) keys.push({ scope: 'account', key: client.email, rule: THROTTLE.account });
	return keys;
}

/** How long a key waits after its last attempt once its free attempts are used: doubling, up to the cap. */
function delay(sql: Sql, rule: Rule) {
	return sql`make_interval(secs => least(${rule.capSeconds}, ${rule.baseSeconds} * power(2, t.attempts - ${rule.free})))`;
}

/**
 * Counts the attempt and returns 0, or counts nothing and returns the seconds left to wait, in one
 * statement: the upsert holds the key's row lock, so concurrent attempts are counted one after another
 * and each sees the others' (Postgres re-checks the WHERE on the latest row; PGlite has one connection).
 */
async function reserve(sql: Sql, { scope, key, rule }: Key): Promise<number> {
	const counted = await sql`
		insert into sign_in_throttle as t (scope, key, attempts) values (${scope}, ${key}, 1)
		on conflict (scope, key) do update set
			attempts = case when t.last_attempt_at < now() - make_interval(secs => ${THROTTLE.forgetAfterSeconds})
				then 1 else t.attempts + 1 end,
			last_attempt_at = now()
		where t.attempts < ${rule.free} or t.last_attempt_at + ${delay(sql, rule)} <= now()
		returning 1`;
	if (counted.length > 0) return 0;
	// The clock, not now(): this transaction may have started before it waited for the row's lock.
	const [row] = await sql<{ wait: number }[]>`
		select ceil(extract(epoch from t.last_attempt_at + ${delay(sql, rule)} - clock_timestamp()))::int as wait
		from sign_in_throttle t where scope = ${scope} and key = ${key}`;
	return Math.max(1, row?.wait ?? 1);
}

class Throttled extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super('throttled');
	}
}

/**
 * Call before checking a password. Every key is counted in one transaction, or none when any of them says
 * to wait (a refused attempt does not lengthen the wait).
 */
export async function beginAttempt(sql: postgres.Sql, client: SignInClient): Promise<Attempt> {
	try {
		const keys = await sql.begin(async (tx) => {
			await tx`delete from sign_in_throttle
				where last_attempt_at < now() - make_interval(secs => ${THROTTLE.forgetAfterSeconds})
				and (succeeded_at is null or succeeded_at < now() - make_interval(secs => ${THROTTLE.knownAddressSeconds}))`;
			const keys = await keysFor(tx, client);
			let wait = 0;
			for (const key of keys) wait = Math.max(wait, await reserve(tx, key));
			if (wait > 0) throw new Throttled(wait);
			return keys;
		});
		return { ok: true, client, keys };
	} catch (error) {
		if (error instanceof Throttled) return { ok: false, retryAfterSeconds: error.retryAfterSeconds };
		throw error;
	}
}

/**
 * The password was right: the account-and-address starts afresh and is remembered as a known address;
 * the attempt is handed back to the address and the account, which only failures should slow down.
 */
export async function attemptSucceeded(sql: Sql, attempt: Attempt & { ok: true }): Promise<void> {
	for (const { scope, key } of attempt.keys) {
		if (scope === 'account_address') {
			await sql`update sign_in_throttle set attempts = 0, succeeded_at = now()
				where scope = ${scope} and key = ${key}`;
		} else {
			await sql`update sign_in_throttle set attempts = greatest(attempts - 1, 0)
				where scope = ${scope} and key = ${key}`;
		}
	}
}

/** An administrator set a new password: the account's own delays are lifted (the address's are not). */
export async function forgiveAccount(sql: Sql, email: string): Promise<void> {
	await sql`delete from sign_in_throttle where (scope = 'account' and key = ${email})
		or (scope = 'account_address' and (key::jsonb) ->> 0 = ${email})`;
}

/** "Try again in 2 minutes." */
export function tryAgainIn(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
