import type postgres from 'postgres';
import { deleteUserSessions } from './sessions';
import * as users from './users';

/**
 * A new password ends every session of the account, a stolen one included: the one way to change a
 * password (the account page, `npm run user:password`, `npm run user:create` on an existing account).
 * Live sockets close when their session is found gone.
 */
export async function setPassword(
	sql: postgres.Sql | postgres.TransactionSql,
	userId: number,
	passwordHash: string
): Promise<{ sessionsEnded: number }> {
	await users.setPasswordHash(sql, userId, passwordHash);
	return { sessionsEnded: await deleteUserSessions(sql, userId) };
}
