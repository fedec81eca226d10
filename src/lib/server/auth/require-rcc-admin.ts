import { error } from '@sveltejs/kit';
import type { CurrentUser } from '../../domain/types';
import { canAdministerRcc, canSeeRcc } from '../access';
import { requireUser } from './require-user';

/**
 * For admin pages and every admin form action (actions run no layout load, so each checks for itself):
 * the signed-in administrator of this RCC. Someone with another role in it gets 403; anyone else 404, as
 * for an RCC that does not exist, so its existence is not revealed.
 */
export function requireRccAdmin(event: { locals: App.Locals; url: URL; params: { id: string } }): {
	user: CurrentUser;
	rcc: { id: string; name: string };
} {
	const user = requireUser(event);
	const id = event.params.id;
	if (!canAdministerRcc(user, id)) {
		if (canSeeRcc(user, id) && user.roles.some((g) => g.rccId === id)) {
			error(403, 'Only the administrators of this RCC can manage it.');
		}
		error(404, `There is no RCC "${id}" that you administer.`);
	}
	const grant = user.roles.find((g) => g.rccId === id)!;
	return { user, rcc: { id, name: grant.rccName } };
}
