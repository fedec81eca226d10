import type postgres from 'postgres';
import type { CurrentUser } from '$lib/domain/types';
import { canSeeMapData, canSeeRcc, denied } from './access';
import * as rccs from './db/rccs';

/** The API's error shape, `{ message }`, as SvelteKit's own errors. */
export function notFound(message: string): Response {
	return Response.json({ message }, { status: 404 });
}

/**
 * The RCC a request names, or the response to send instead: 401 when nobody is signed in (before any
 * lookup), 404 when there is no such RCC or the user may not see it (a hidden RCC is not revealed to
 * exist: the same answer, the same message).
 */
export async function rccOr404(
	sql: postgres.Sql,
	id: string,
	user: CurrentUser | null
): Promise<{ rcc: rccs.Rcc; response?: undefined } | { rcc?: undefined; response: Response }> {
	if (!canSeeMapData(user)) return { response: denied(user) };
	const rcc = await rccs.find(sql, id);
	if (!rcc || !canSeeRcc(user, rcc.id)) return { response: notFound(`There is no RCC "${id}".`) };
	return { rcc };
}
