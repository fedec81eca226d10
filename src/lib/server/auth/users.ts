import type postgres from 'postgres';
import type { Role } from '../../domain/types';

/** Accounts and their roles per RCC: `import * as users from '$lib/server/auth/users'`. */

type Sql = postgres.Sql | postgres.TransactionSql;

export const ROLES: readonly Role[] = ['viewer', 'commissioner', 'rcc_admin'];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface UserRecord {
	id: number;
	email: string;
	name: string;
	laCode: string | null;
	disabled: boolean;
	lastSignInAt: string | null;
}

/**
 * A person as one RCC's administrators see them: the name they were added under, and sign-ins since they
 * joined the RCC. Nothing about the account's life elsewhere (issue 11: an administrator who adds an email
 * that already has an account in another RCC must not learn so).
 */
export interface RccMember {
	id: number;
	email: string;
	name: string;
	disabled: boolean;
	lastSignInAt: string | null;
	role: Role;
	roleLaCode: string | null;
}

export async function byEmail(sql: Sql, email: string): Promise<UserRecord | null> {
	const [row] = await sql<
		{
			id: number;
			email: string;
			name: string;
			la_code: string | null;
			disabled: boolean;
			last_sign_in_at: Date | null;
		}[]
	>`select id, email, name, la_code, disabled, last_sign_in_at from users where email = ${email.trim().toLowerCase()}`;
	return row
		? {
				id: row.id,
				email: row.email,
				name: row.name,
				laCode: row.la_code,
				disabled: row.disabled,
				lastSignInAt: row.last_sign_in_at?.toISOString() ?? null
			}
		: null;
}

export async function create(
	sql: Sql,
	user: { email: string; name: string; laCode: string | null; passwordHash: string | null; isDemo?: boolean }
): Promise<number> {
	const [row] = await sql<{ id: number }[]>`
		insert into users (email, name, la_code, password_hash, is_demo)
		values (${user.email.trim().toLowerCase()}, ${user.name}, ${user.laCode}, ${user.passwordHash}, ${user.isDemo ?? false})
		returning id`;
	return row.id;
}

export async function setPasswordHash(sql: Sql, userId: number, passwordHash: string): Promise<void> {
	await sql`update users set password_hash = ${passwordHash} where id = ${userId}`;
}

/**
 * Grants or changes the one role a person holds in an RCC. A commissioner's LA must be a member LA of
 * that RCC (a foreign key; and an LA belongs to one RCC only, so never another RCC's LA). `name` is the
 * name the RCC's administrator gave, kept when a later change gives none.
 */
export async function grantRole(
	sql: Sql,
	grant: {
		userId: number;
		rccId: string;
		role: Role;
		laCode: string | null;
		grantedBy: number | null;
		name?: string | null;
	}
): Promise<void> {
	const laCode = grant.role === 'commissioner' ? grant.laCode : null;
	await sql`insert into user_roles (user_id, rcc_id, role, la_code, granted_by, name)
		values (${grant.userId}, ${grant.rccId}, ${grant.role}, ${laCode}, ${grant.grantedBy}, ${grant.name ?? null})
		on conflict (user_id, rcc_id) do update
		set role = excluded.role, la_code = excluded.la_code, granted_by = excluded.granted_by, granted_at = now(),
			name = coalesce(excluded.name, user_roles.name)`;
}

export async function revokeRole(sql: Sql, userId: number, rccId: string): Promise<boolean> {
	const rows =
		await sql`delete from user_roles where user_id = ${userId} and rcc_id = ${rccId} returning user_id`;
	return rows.length > 0;
}

export async function roleIn(
	sql: Sql,
	userId: number,
	rccId: string
): Promise<{ role: Role; laCode: string | null } | null> {
	const [row] = await sql<{ role: Role; la_code: string | null }[]>`
		select role, la_code from user_roles where user_id = ${userId} and rcc_id = ${rccId}`;
	return row ? { role: row.role, laCode: row.la_code } : null;
}

export async function inRcc(sql: Sql, rccId: string): Promise<RccMember[]> {
	const rows = await sql<
		{
			id: number;
			email: string;
			name: string;
			disabled: boolean;
			last_sign_in_at: Date | null;
			role: Role;
			role_la_code: string | null;
		}[]
	>`select u.id, u.email, coalesce(r.name, u.name) as name, u.disabled,
			case when u.last_sign_in_at >= r.added_at then u.last_sign_in_at end as last_sign_in_at,
			r.role, r.la_code as role_la_code
		from user_roles r join users u on u.id = r.user_id
		where r.rcc_id = ${rccId} order by r.role desc, u.email`;
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		name: row.name,
		disabled: row.disabled,
		lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
		role: row.role,
		roleLaCode: row.role_la_code
	}));
}

/** The commissioners acting for an LA in an RCC: their roles go when the LA leaves it. */
export async function commissionersOf(
	sql: Sql,
	rccId: string,
	laCode: string
): Promise<{ id: number; email: string }[]> {
	return sql<{ id: number; email: string }[]>`
		select u.id, u.email from user_roles r join users u on u.id = r.user_id
		where r.rcc_id = ${rccId} and r.la_code = ${laCode} order by u.email`;
}

export async function isPlatformAdmin(sql: Sql, userId: number): Promise<boolean> {
	const [row] = await sql<{ platform_admin: boolean }[]>`
		select platform_admin from users where id = ${userId} and not disabled`;
	return row?.platform_admin ?? false;
}

export async function setPlatformAdmin(sql: Sql, userId: number, platformAdmin: boolean): Promise<void> {
	await sql`update users set platform_admin = ${platformAdmin} where id = ${userId}`;
}

export async function adminCount(sql: Sql, rccId: string): Promise<number> {
	const [row] = await sql<{ n: number }[]>`
		select count(*)::int as n from user_roles r join users u on u.id = r.user_id
		where r.rcc_id = ${rccId} and r.role = 'rcc_admin' and not u.disabled`;
	return row.n;
}
