import { randomBytes } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import type postgres from 'postgres';
import { z } from 'zod';
import type { Role } from '$lib/domain/types';
import * as audit from '$lib/server/audit';
import { clientOf } from '$lib/server/auth/client';
import { hashPassword } from '$lib/server/auth/password';
import { requireRccAdmin } from '$lib/server/auth/require-rcc-admin';
import { sessionsChanged } from '$lib/server/auth/session-events';
import { normaliseEmail } from '$lib/server/auth/sign-in';
import * as users from '$lib/server/auth/users';
import * as membership from '$lib/server/membership';
import type { Actions, PageServerLoad } from './$types';

type Sql = postgres.Sql | postgres.TransactionSql;

export const load: PageServerLoad = async (event) => {
	const { user, rcc } = requireRccAdmin(event);
	const { sql } = event.locals.runtime.db;
	const [people, members, free] = await Promise.all([
		users.inRcc(sql, rcc.id),
		membership.membersOf(sql, rcc.id),
		// Only an LA that belongs to no RCC may be added here; another RCC's LA is not offered.
		sql<membership.La[]>`select code, name from las l
			where not exists (select 1 from rcc_members m where m.la_code = l.code) order by name`
	]);
	return { me: user.id, people, members, others: free };
};

const roleField = z.enum(['viewer', 'commissioner', 'rcc_admin']);
const laCodeField = z.string().trim().max(membership.LA_CODE_MAX_LENGTH, 'There is no LA with that ONS code');
const NewPerson = z.object({
	email: z
		.string()
		.trim()
		.min(3)
		.max(320)
		.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address like name@council.gov.uk'),
	name: z.string().trim().min(1, 'Enter the person’s name').max(200),
	role: roleField,
	laCode: laCodeField.optional()
});
const RoleChange = z.object({
	userId: z.coerce.number().int().positive(),
	role: roleField,
	laCode: laCodeField.optional()
});

function formObject(form: FormData): Record<string, string> {
	return Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/**
 * A commissioner acts for a member LA of this RCC; the other roles for none. A commissioner role for an
 * LA outside the RCC is refused and audited here, and in the RCC the LA belongs to: it is that LA's
 * children the role would reach.
 */
async function laFor(
	sql: Sql,
	context: { rccId: string; role: Role; laCode: string | undefined; subject: string } & membership.Change
): Promise<{ laCode: string | null } | { problem: string }> {
	const { rccId, role, laCode, subject, ...change } = context;
	if (role !== 'commissioner') return { laCode: null };
	if (!laCode) return { problem: 'Choose the LA a commissioner acts for' };
	const la = await membership.laNamed(sql, laCode);
	if ('problem' in la) return la;
	const owner = await membership.rccOf(sql, la.code);
	if (owner?.id === rccId) return { laCode: la.code };
	await membership.recordInBoth(sql, {
		action: 'role.refused',
		...change,
		rccId,
		otherRccId: owner?.id ?? null,
		subject,
		details: { role, laCode: la.code, name: la.name, requestedFor: rccId }
	});
	return { problem: `A commissioner’s LA must be a member of this RCC: ${la.name} is not` };
}

function changeOf(event: Parameters<typeof clientOf>[0], user: { id: number; email: string }) {
	return { actor: { id: user.id, email: user.email }, address: clientOf(event).address };
}

export const actions: Actions = {
	/**
	 * Adds a person to this RCC. The answer is the same whether the email is new or already has an account
	 * (in another RCC, say): the same message, the name as typed, a temporary password. A new account signs
	 * in with it; an existing one keeps its own password and simply gains the role, and this RCC's
	 * administrators see only what they typed and what happens here (README "Accounts and access").
	 */
	addPerson: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const parsed = NewPerson.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'addPerson', problem: parsed.error.issues[0].message });
		const { name, role } = parsed.data;
		const email = normaliseEmail(parsed.data.email);
		const change = changeOf(event, user);
		const la = await laFor(sql, {
			rccId: rcc.id,
			role,
			laCode: parsed.data.laCode || undefined,
			subject: email,
			...change
		});
		if ('problem' in la) return fail(400, { action: 'addPerson', problem: la.problem });
		// Made and hashed for every answer, so that neither the body nor the work done tells new from known.
		const temporaryPassword = randomBytes(12).toString('base64url');
		const passwordHash = await hashPassword(temporaryPassword);
		const outcome = await sql.begin(async (tx) => {
			const existing = await users.byEmail(tx, email);
			if (existing && (await users.roleIn(tx, existing.id, rcc.id))) return 'exists' as const;
			const userId =
				existing?.id ?? (await users.create(tx, { email, name, laCode: la.laCode, passwordHash }));
			await users.grantRole(tx, { userId, rccId: rcc.id, role, laCode: la.laCode, grantedBy: user.id, name });
			// Whether an account is new concerns no RCC: this RCC's log reads the same either way.
			if (!existing) await audit.record(tx, { action: 'user.created', ...change, subject: email });
			await audit.record(tx, {
				action: 'role.granted',
				...change,
				rccId: rcc.id,
				subject: email,
				details: { role, laCode: la.laCode, name }
			});
			return 'granted' as const;
		});
		if (outcome === 'exists') {
			return fail(400, {
				action: 'addPerson',
				problem: `${email} already has a role in this RCC: change it below`
			});
		}
		return { action: 'addPerson', done: email, temporaryPassword };
	},

	changeRole: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const parsed = RoleChange.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'changeRole', problem: 'Choose a role' });
		const { userId, role } = parsed.data;
		const change = changeOf(event, user);
		const problem = await sql.begin(async (tx) => {
			const current = await users.roleIn(tx, userId, rcc.id);
			if (!current) return 'That person has no role in this RCC';
			const [{ email }] = await tx<{ email: string }[]>`select email from users where id = ${userId}`;
			const la = await laFor(tx, {
				rccId: rcc.id,
				role,
				laCode: parsed.data.laCode || undefined,
				subject: email,
				...change
			});
			if ('problem' in la) return la.problem;
			if (current.role === 'rcc_admin' && role !== 'rcc_admin' && (await users.adminCount(tx, rcc.id)) <= 1) {
				return 'An RCC needs at least one administrator: make someone else one first';
			}
			await users.grantRole(tx, { userId, rccId: rcc.id, role, laCode: la.laCode, grantedBy: user.id });
			await audit.record(tx, {
				action: 'role.changed',
				...change,
				rccId: rcc.id,
				subject: email,
				details: { from: current.role, to: role, laCode: la.laCode }
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
			return fail(400, { action: 'revokeRole', problem: 'That person has no role in this RCC' });
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
				...changeOf(event, user),
				rccId: rcc.id,
				subject: email,
				details: { role: current.role }
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
		const la = await membership.laNamed(sql, String((await event.request.formData()).get('laCode') ?? ''));
		if ('problem' in la) return fail(400, { action: 'addLa', problem: la.problem });
		const outcome = await sql.begin((tx) => membership.add(tx, rcc.id, la, changeOf(event, user)));
		if ('problem' in outcome) return fail(400, { action: 'addLa', problem: outcome.problem });
		return { action: 'addLa', done: `${la.name} is a member` };
	},

	removeLa: async (event) => {
		const { user, rcc } = requireRccAdmin(event);
		const { sql } = event.locals.runtime.db;
		const la = await membership.laNamed(sql, String((await event.request.formData()).get('laCode') ?? ''));
		const removed =
			!('problem' in la) &&
			(await sql.begin((tx) => membership.remove(tx, rcc.id, la, changeOf(event, user))));
		if (!removed || 'problem' in la)
			return fail(400, { action: 'removeLa', problem: 'That LA is not a member of this RCC' });
		return { action: 'removeLa', done: `${la.name} is no longer a member` };
	}
};
