import type postgres from 'postgres';
import type { Role } from '../../../src/lib/domain/types';
import { hashPassword } from '../../../src/lib/server/auth/password';
import * as users from '../../../src/lib/server/auth/users';

export const PASSWORD = 'correct horse battery staple';

let hash: Promise<string> | undefined;

/** An account with a password of PASSWORD and the given roles. */
export async function addAccount(
	sql: postgres.Sql,
	email: string,
	roles: { rccId: string; role: Role; laCode?: string }[],
	options: { laCode?: string; name?: string } = {}
): Promise<number> {
	hash ??= hashPassword(PASSWORD);
	const userId = await users.create(sql, {
		email,
		name: options.name ?? email.split('@')[0],
		laCode: options.laCode ?? null,
		passwordHash: await hash
	});
	for (const grant of roles) {
		await users.grantRole(sql, {
			userId,
			rccId: grant.rccId,
			role: grant.role,
			laCode: grant.laCode ?? null,
			grantedBy: null
		});
	}
	return userId;
}
