import type postgres from 'postgres';

/**
 * The audit log: who did what, when, from which address. Everything that signs in, changes who may do
 * what, or moves data in or out of the app records itself here (DESIGN.md "Privacy and access").
 * Usage: `import * as audit from '$lib/server/audit'; await audit.record(sql, { action: 'export', ... })`.
 */
export const AUDIT_ACTIONS = [
	'sign_in',
	'sign_in.failed',
	'sign_in.throttled',
	'sign_out',
	'user.created',
	'user.password_set',
	'role.granted',
	'role.changed',
	'role.revoked',
	'role.refused',
	'rcc.member_added',
	'rcc.member_removed',
	'rcc.member_moved',
	'rcc.member_refused',
	'user.platform_admin',
	'export',
	'import',
	'publish',
	'costs.changed'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Entries about an account rather than an RCC that an RCC's administrators may read about the people in
 * it. Not `user.created` or `user.platform_admin`: whether an account is new, and what it may do beyond
 * the RCC, is not theirs to learn.
 */
const ACCOUNT_ACTIONS_SHOWN_TO_RCC: readonly AuditAction[] = [
	'sign_in',
	'sign_in.failed',
	'sign_in.throttled',
	'sign_out',
	'user.password_set'
];

type Sql = postgres.Sql | postgres.TransactionSql;

export interface AuditActor {
	id: number;
	email: string;
}

export interface NewAuditEntry {
	action: AuditAction;
	/** The person acting; null for the command line or an unknown account. */
	actor?: AuditActor | null;
	/** The email typed, when there is no account to name (failed sign-ins). */
	actorEmail?: string | null;
	rccId?: string | null;
	/** What was acted on, in words a reader of the log understands: an email, an LA code, a file name. */
	subject?: string | null;
	details?: Record<string, postgres.JSONValue>;
	address?: string | null;
}

export interface AuditEntry {
	id: number;
	at: string;
	actorId: number | null;
	actorEmail: string | null;
	action: string;
	rccId: string | null;
	subject: string | null;
	details: Record<string, unknown>;
	address: string | null;
}

export async function record(sql: Sql, entry: NewAuditEntry): Promise<void> {
	await sql`insert into audit_log (actor_id, actor_email, action, rcc_id, subject, details, address) values (
		${entry.actor?.id ?? null}, ${entry.actor?.email ?? entry.actorEmail ?? null}, ${entry.action},
		${entry.rccId ?? null}, ${entry.subject ?? null}, ${sql.json(entry.details ?? {})}, ${entry.address ?? null})`;
}

export interface AuditFilter {
	/**
	 * Entries about this RCC, plus the sign-ins, sign-outs and password changes (entries about no RCC) of
	 * people holding a role in it since they joined it: what they did elsewhere or before is not this
	 * RCC's to read.
	 */
	rccId?: string;
	action?: string;
	/** Substring of the actor's email, case-insensitive. */
	actor?: string;
	from?: Date;
	/** Exclusive. */
	to?: Date;
	limit?: number;
}

export async function query(sql: Sql, filter: AuditFilter = {}): Promise<AuditEntry[]> {
	const limit = Math.min(Math.max(filter.limit ?? 200, 1), 1000);
	const rows = await sql<
		{
			id: string;
			at: Date;
			actor_id: number | null;
			actor_email: string | null;
			action: string;
			rcc_id: string | null;
			subject: string | null;
			details: Record<string, unknown>;
			address: string | null;
		}[]
	>`select id, at, actor_id, actor_email, action, rcc_id, subject, details, address from audit_log
		where true
		${
			filter.rccId
				? sql`and (rcc_id = ${filter.rccId} or (rcc_id is null
					and action in ${sql(ACCOUNT_ACTIONS_SHOWN_TO_RCC as AuditAction[])} and exists (
					select 1 from user_roles r where r.rcc_id = ${filter.rccId} and r.user_id = audit_log.actor_id
					and r.added_at <= audit_log.at)))`
				: sql``
		}
		${filter.action ? sql`and action = ${filter.action}` : sql``}
		${filter.actor ? sql`and actor_email ilike ${'%' + filter.actor.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``}
		${filter.from ? sql`and at >= ${filter.from}` : sql``}
		${filter.to ? sql`and at < ${filter.to}` : sql``}
		order by at desc, id desc limit ${limit}`;
	return rows.map((row) => ({
		id: Number(row.id),
		at: row.at.toISOString(),
		actorId: row.actor_id,
		actorEmail: row.actor_email,
		action: row.action,
		rccId: row.rcc_id,
		subject: row.subject,
		details: row.details,
		address: row.address
	}));
}
