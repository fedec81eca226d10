import { error } from '@sveltejs/kit';
import type { CurrentUser } from '../../domain/types';
import { requireUser } from './require-user';
import * as users from './users';

/**
 * For the platform administrator's form actions: the signed-in person, if the account carries the
 * platform flag (read from the database each time, so that taking the flag away takes effect at once).
 */
export async function requirePlatformAdmin(event: { locals: App.Locals; url: URL }): Promise<CurrentUser> {
	const user = requireUser(event);
	if (!(await users.isPlatformAdmin(event.locals.runtime.db.sql, user.id))) {
		error(403, 'Only a platform administrator can move an LA between RCCs.');
	}
	return user;
}
