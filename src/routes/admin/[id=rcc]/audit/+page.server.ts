import { AUDIT_ACTIONS, query } from '$lib/server/audit';
import { requireRccAdmin } from '$lib/server/auth/require-rcc-admin';
import type { PageServerLoad } from './$types';

function date(value: string | null, endOfDay = false): Date | undefined {
	if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
	const day = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(day.getTime())) return undefined;
	return endOfDay ? new Date(day.getTime() + 24 * 60 * 60 * 1000) : day;
}

/** The RCC's audit log: its own entries and those of the people holding a role in it (their sign-ins). */
export const load: PageServerLoad = async (event) => {
	const { rcc } = requireRccAdmin(event);
	const params = event.url.searchParams;
	const action = params.get('action');
	const filter = {
		action: action && (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : '',
		actor: (params.get('actor') ?? '').trim().slice(0, 320),
		from: params.get('from') ?? '',
		to: params.get('to') ?? ''
	};
	const entries = await query(event.locals.runtime.db.sql, {
		rccId: rcc.id,
		action: filter.action || undefined,
		actor: filter.actor || undefined,
		from: date(filter.from),
		to: date(filter.to, true),
		limit: 500
	});
	return { filter, entries, actions: AUDIT_ACTIONS };
};
