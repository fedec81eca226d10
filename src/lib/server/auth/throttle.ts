import type postgres from 'postgres';

/**
 * Failed sign-ins allowed per window: per account (the email as typed, whether or not it exists, so the
 * answer reveals nothing) and per client address (many accounts tried from one place).
 */
export const THROTTLE = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 20 } as const;

type Sql = postgres.Sql | postgres.TransactionSql;

export interface SignInClient {
	email: string;
	address: string | null;
}

function keys(client: SignInClient): { scope: 'account' | 'address'; key: string; limit: number }[] {
	const list: { scope: 'account' | 'address'; key: string; limit: number }[] = [
		{ scope: 'account', key: client.email, limit: THROTTLE.perAccount }
	];
	if (client.address) list.push({ scope: 'address', key: client.address, limit: THROTTLE.perAddress });
	return list;
}

/**
 * Seconds until another attempt is allowed, or 0 when one is allowed now. An attempt is refused while the
 * limit-th most recent failure is younger than the window.
 */
export async function signInRetryAfter(sql: Sql, client: SignInClient): Promise<number> {
	let wait = 0;
	for (const { scope, key, limit } of keys(client)) {
		const [row] = await sql<{ wait: number }[]>`
			select ceil(extract(epoch from (failed_at + make_interval(secs => ${THROTTLE.windowSeconds}) - now())))::int as wait
			from sign_in_failures where scope = ${scope} and key = ${key}
			order by failed_at desc offset ${limit - 1} limit 1`;
		if (row && row.wait > wait) wait = row.wait;
	}
	return wait;
}

export async function recordSignInFailure(sql: Sql, client: SignInClient): Promise<void> {
	for (const { scope, key } of keys(client)) {
		await sql`insert into sign_in_failures (scope, key) values (${scope}, ${key})`;
	}
	await sql`delete from sign_in_failures
		where failed_at < now() - make_interval(secs => ${THROTTLE.windowSeconds})`;
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(sql: Sql, email: string): Promise<void> {
	await sql`delete from sign_in_failures where scope = 'account' and key = ${email}`;
}
