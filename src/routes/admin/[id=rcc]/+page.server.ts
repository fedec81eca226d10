import { randomBytes } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Role } from '$lib/domain/types';
import * as audit from '$lib/server/audit';
import { clientOf } from '$lib/server/auth/client';
import { hashPassword } from '$lib/server/auth/password';
import { requireRccAdmin } from '$lib/server/auth/require-rcc-admin';
import { sessionsChanged } from '$lib/server/auth/session-events';
import { normaliseEmail } from '$lib/server/auth/sign-in';
import * as users from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

interface LaRow {
	code: string;
	name: string;
}

async function memberLas(sql: App.Locals['runtime']['db']['sql'], rccId: string): Promise<LaRow[]> {
	return sql<LaRow[]>`select l.code, l.name from rcc_members m join las l on l.code = m.la_code
		where m.rcc_id = ${rccId} order by l.name`;
}

export const load: PageServerLoad = async (event) => {
	const { user, rcc } = requireRccAdmin(event);
	const { sql } = event.locals.runtime.db;
	const [people, members, all] = await Promise.all([
		users.inRcc(sql, rcc.id),
		memberLas(sql, rcc.id),
		sql<LaRow[]>`select code, name from las order by name`
	]);
	const memberCodes = new Set(members.map((la) => la.code));
	return {
		me: user.id,
		people,
		members,
		others: all.filter((la) => !memberCodes.has(la.code))
	};
};

const roleField = z.enum(['viewer', 'commissioner', 'rcc_admin']);
const NewPerson = z.object({
	email: z
		.string()
		.trim()
		.min(3)
		.max(320)
		.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address like name@council.gov.uk'),
	name: z.string().trim().min(1, 'Enter the person’s name').max(200),
	role: roleField,
	laCode: z.string().trim().max(20).optional()
});
const RoleChange = z.object({
	userId: z.coerce.number().int().positive(),
	role: roleField,
	laCode: z.string().trim().max(20).optional()
});

function formObject(form: FormData): Record<string, string> {
	return Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** A commissioner acts for a member LA of this RCC; the other roles for none. */
async function laFor(
	sql: App.Locals['runtime']['db']['sql'],
	rccId: string,
	role: Role,
	laCode: string | undefined
): Promise<{ laCode: string | null } | { problem: string }> {
	if (role !== 'commissioner') return { laCode: null };
	if (!laCode) return { problem: 'Choose the LA a commissioner acts for' };
	const [member] = await sql`select 1 from rcc_members where rcc_id = ${rccId} and la_code = ${laCode}`;
	return member ? { laCode } : { problem: 'A commissioner’s LA must be a member of this RCC' };
}

export const actions: Actions = {
	addPerson: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const parsed = NewPerson.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'addPerson', problem: parsed.error.issues[0].message });
		const { name, role } = parsed.data;
		const email = normaliseEmail(parsed.data.email);
		const la = await laFor(sql, rcc.id, role, parsed.data.laCode || undefined);
		if ('problem' in la) return fail(400, { action: 'addPerson', problem: la.problem });
		const address = clientOf(event).address;
		// A new account gets a temporary password, shown to the administrator once, to pass on in person.
		const temporaryPassword = randomBytes(12).toString('base64url');
		const outcome = await sql.begin(async (tx) => {
			const existing = await users.byEmail(tx, email);
			if (existing && (await users.roleIn(tx, existing.id, rcc.id))) return 'exists' as const;
			const userId =
				existing?.id ??
				(await users.create(tx, {
					email,
					name,
					laCode: la.laCode,
					passwordHash: await hashPassword(temporaryPassword)
				}));
			await users.grantRole(tx, { userId, rccId: rcc.id, role, laCode: la.laCode, grantedBy: user.id });
			if (!existing)
				await audit.record(tx, {
					action: 'user.created',
					actor: user,
					rccId: rcc.id,
					subject: email,
					address
				});
			await audit.record(tx, {
				action: 'role.granted',
				actor: user,
				rccId: rcc.id,
				subject: email,
				details: { role, laCode: la.laCode },
				address
			});
			return existing ? ('granted' as const) : ('created' as const);
		});
		if (outcome === 'exists') {
			return fail(400, {
				action: 'addPerson',
				problem: `${email} already has a role in this RCC: change it below`
			});
		}
		return {
			action: 'addPerson',
			done: email,
			temporaryPassword: outcome === 'created' ? temporaryPassword : null
		};
	},

	changeRole: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const parsed = RoleChange.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'changeRole', problem: 'Choose a role' });
		const { userId, role } = parsed.data;
		const la = await laFor(sql, rcc.id, role, parsed.data.laCode || undefined);
		if ('problem' in la) return fail(400, { action: 'changeRole', problem: la.problem });
		const problem = await sql.begin(async (tx) => {
			const current = await users.roleIn(tx, userId, rcc.id);
			if (!current) return 'That person has no role in this RCC';
			if (current.role === 'rcc_admin' && role !== 'rcc_admin' && (await users.adminCount(tx, rcc.id)) <= 1) {
				return 'An RCC needs at least one administrator: make someone else one first';
			}
			await users.grantRole(tx, { userId, rccId: rcc.id, role, laCode: la.laCode, grantedBy: user.id });
			const [{ email }] = await tx<{ email: string }[]>`select email from users where id = ${userId}`;
			await audit.record(tx, {
				action: 'role.changed',
				actor: user,
				rccId: rcc.id,
				subject: email,
				details: { from: current.role, to: role, laCode: la.laCode },
				address: clientOf(event).address
			});
			return null;
		});
		if (problem) return fail(400, { action: 'changeRole', problem });
		sessionsChanged(userId);
		return { action: 'changeRole', done: 'Role changed' };
	},

	revokeRole: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const userId = Number((await event.request.formData()).get('userId'));
		if (!Number.isInteger(userId) || userId <= 0)
			return fail(400, { action: 'revokeRole', problem: 'No such person' });
		const problem = await sql.begin(async (tx) => {
			const current = await users.roleIn(tx, userId, rcc.id);
			if (!current) return 'That person has no role in this RCC';
			if (current.role === 'rcc_admin' && (await users.adminCount(tx, rcc.id)) <= 1) {
				return 'An RCC needs at least one administrator: make someone else one first';
			}
			await users.revokeRole(tx, userId, rcc.id);
			const [{ email }] = await tx<{ email: string }[]>`select email from users where id = ${userId}`;
			await audit.record(tx, {
				action: 'role.revoked',
				actor: user,
				rccId: rcc.id,
				subject: email,
				details: { role: current.role },
				address: clientOf(event).address
			});
			return null;
		});
		if (problem) return fail(400, { action: 'revokeRole', problem });
		sessionsChanged(userId);
		return { action: 'revokeRole', done: 'Role removed' };
	},

	addLa: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const laCode = String((await event.request.formData()).get('laCode') ?? '');
		const [la] = await sql<LaRow[]>`select code, name from las where code = ${laCode}`;
		if (!la) return fail(400, { action: 'addLa', problem: 'Choose an LA' });
		const added = await sql`insert into rcc_members (rcc_id, la_code) values (${rcc.id}, ${la.code})
			on conflict do nothing returning la_code`;
		if (added.length > 0) {
			await audit.record(sql, {
				action: 'rcc.member_added',
				actor: user,
				rccId: rcc.id,
				subject: la.code,
				details: { name: la.name },
				address: clientOf(event).address
			});
		}
		return { action: 'addLa', done: `${la.name} is a member` };
	},

	removeLa: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const laCode = String((await event.request.formData()).get('laCode') ?? '');
		const removed = await sql.begin(async (tx) => {
			// Commissioners acting for the LA lose their role in this RCC with it (foreign key cascade).
			const [{ n }] = await tx<{ n: number }[]>`select count(*)::int as n from user_roles
				where rcc_id = ${rcc.id} and la_code = ${laCode}`;
			const rows =
				await tx`delete from rcc_members where rcc_id = ${rcc.id} and la_code = ${laCode} returning la_code`;
			if (rows.length === 0) return false;
			await audit.record(tx, {
				action: 'rcc.member_removed',
				actor: user,
				rccId: rcc.id,
				subject: laCode,
				details: { commissionerRolesRemoved: n },
				address: clientOf(event).address
			});
			return true;
		});
		if (!removed) return fail(400, { action: 'removeLa', problem: 'That LA is not a member' });
		return { action: 'removeLa', done: 'LA removed' };
	}
};
