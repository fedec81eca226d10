import type postgres from 'postgres';
import * as audit from './audit';
import * as users from './auth/users';

/**
 * Which RCC an LA belongs to, and every change to it: `import * as membership from '$lib/server/membership'`.
 *
 * An LA's child-level data belongs to that LA, and whoever administers the RCC it belongs to can make
 * commissioners for it. So an LA belongs to at most one RCC at a time (a unique index, migration 0006);
 * an RCC administrator may add only an LA that belongs to no RCC; only a platform administrator moves an
 * LA from one RCC to another; and when an LA leaves an RCC, the commissioners acting for it there lose
 * that role, each revocation audited. Refusals are audited too, in the RCC that asked and in the RCC that
 * holds the LA, so that an attempt on an LA is seen by the administrators of the RCC it belongs to.
 */

type Sql = postgres.Sql | postgres.TransactionSql;

export interface La {
	code: string;
	name: string;
}

export interface Change {
	actor: audit.AuditActor | null;
	address: string | null;
}

/** ONS codes are nine characters (`E08000003`); anything longer is not looked up at all. */
export const LA_CODE_MAX_LENGTH = 20;

/** The LA a form names by its ONS code (any case), or the message to show. */
export async function laNamed(sql: Sql, value: string): Promise<La | { problem: string }> {
	const code = value.trim().toUpperCase();
	if (!code) return { problem: 'Choose an LA' };
	const [la] =
		code.length > LA_CODE_MAX_LENGTH ? [] : await sql<La[]>`select code, name from las where code = ${code}`;
	return la ?? { problem: `There is no LA with the ONS code ${code.slice(0, LA_CODE_MAX_LENGTH)}` };
}

/** The RCC the LA belongs to, if any. */
export async function rccOf(sql: Sql, laCode: string): Promise<{ id: string; name: string } | null> {
	const [rcc] = await sql<{ id: string; name: string }[]>`
		select c.id, c.name from rcc_members m join rccs c on c.id = m.rcc_id where m.la_code = ${laCode}`;
	return rcc ?? null;
}

export async function membersOf(sql: Sql, rccId: string): Promise<La[]> {
	return sql<La[]>`select l.code, l.name from rcc_members m join las l on l.code = m.la_code
		where m.rcc_id = ${rccId} order by l.name`;
}

/** An entry in the RCC that acted and, when another RCC holds the LA, in that one too. */
export async function recordInBoth(
	sql: Sql,
	entry: Omit<audit.NewAuditEntry, 'rccId'> & { rccId: string; otherRccId: string | null }
): Promise<void> {
	const { otherRccId, ...own } = entry;
	await audit.record(sql, own);
	if (otherRccId && otherRccId !== entry.rccId) await audit.record(sql, { ...own, rccId: otherRccId });
}

export type AddOutcome = { added: boolean } | { problem: string };

/** For an RCC administrator: adds an LA that belongs to no RCC; refuses, audited, one held by another. */
export async function add(sql: Sql, rccId: string, la: La, change: Change): Promise<AddOutcome> {
	const inserted = await sql`insert into rcc_members (rcc_id, la_code) values (${rccId}, ${la.code})
		on conflict do nothing returning la_code`;
	if (inserted.length > 0) {
		await audit.record(sql, {
			action: 'rcc.member_added',
			...change,
			rccId,
			subject: la.code,
			details: { name: la.name }
		});
		return { added: true };
	}
	const owner = await rccOf(sql, la.code);
	if (!owner || owner.id === rccId) return { added: false };
	await recordInBoth(sql, {
		action: 'rcc.member_refused',
		...change,
		rccId,
		otherRccId: owner.id,
		subject: la.code,
		// Not which RCC holds it: the asking RCC reads this entry too.
		details: { name: la.name, requestedFor: rccId }
	});
	// Which RCC holds it is not said: that RCC's administrators see the attempt in their audit log.
	return {
		problem:
			`${la.name} belongs to another RCC. An LA belongs to one RCC at a time; only a platform ` +
			'administrator can move it, once both RCCs agree.'
	};
}

/** The commissioners acting for the LA in this RCC lose that role, one audited revocation each. */
async function revokeCommissioners(
	sql: Sql,
	rccId: string,
	la: La,
	change: Change,
	reason: string
): Promise<number> {
	const commissioners = await users.commissionersOf(sql, rccId, la.code);
	for (const person of commissioners) {
		await users.revokeRole(sql, person.id, rccId);
		await audit.record(sql, {
			action: 'role.revoked',
			...change,
			rccId,
			subject: person.email,
			details: { role: 'commissioner', laCode: la.code, reason }
		});
	}
	return commissioners.length;
}

/** For an RCC administrator: the LA leaves their RCC and belongs to none. False when it was not a member. */
export async function remove(sql: Sql, rccId: string, la: La, change: Change): Promise<boolean> {
	const [member] = await sql`select 1 from rcc_members where rcc_id = ${rccId} and la_code = ${la.code}
		for update`;
	if (!member) return false;
	const revoked = await revokeCommissioners(sql, rccId, la, change, `${la.name} left the RCC`);
	await sql`delete from rcc_members where rcc_id = ${rccId} and la_code = ${la.code}`;
	await audit.record(sql, {
		action: 'rcc.member_removed',
		...change,
		rccId,
		subject: la.code,
		details: { name: la.name, commissionerRolesRemoved: revoked }
	});
	return true;
}

export type MoveOutcome =
	| { from: string | null; to: { id: string; name: string } | null; commissionerRolesRemoved: number }
	| { problem: string };

/**
 * For a platform administrator: the LA leaves the RCC it belongs to (if any) and joins `toRccId` (or
 * none, when null). Audited in both RCCs.
 */
export async function move(sql: Sql, la: La, toRccId: string | null, change: Change): Promise<MoveOutcome> {
	const [to] = toRccId
		? await sql<{ id: string; name: string }[]>`select id, name from rccs where id = ${toRccId}`
		: [];
	if (toRccId && !to) return { problem: `There is no RCC "${toRccId.slice(0, 40)}"` };
	const [current] = await sql<{ rcc_id: string }[]>`
		select rcc_id from rcc_members where la_code = ${la.code} for update`;
	const from = current?.rcc_id ?? null;
	if (from === toRccId) {
		return { problem: toRccId ? `${la.name} already belongs to that RCC` : `${la.name} belongs to no RCC` };
	}
	let revoked = 0;
	if (from) {
		revoked = await revokeCommissioners(sql, from, la, change, `${la.name} moved to another RCC`);
		await sql`delete from rcc_members where rcc_id = ${from} and la_code = ${la.code}`;
	}
	if (toRccId) await sql`insert into rcc_members (rcc_id, la_code) values (${toRccId}, ${la.code})`;
	const entry = {
		action: 'rcc.member_moved' as const,
		...change,
		subject: la.code,
		details: { name: la.name, from, to: toRccId, commissionerRolesRemoved: revoked }
	};
	if (from) await recordInBoth(sql, { ...entry, rccId: from, otherRccId: toRccId });
	else if (toRccId) await audit.record(sql, { ...entry, rccId: toRccId });
	return { from, to: to ?? null, commissionerRolesRemoved: revoked };
}
