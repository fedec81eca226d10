import type { Database } from '../db/client';
import { hashPassword } from './password';
import * as users from './users';

export const DEMO_PASSWORD = 'demo';

interface DemoAccount {
	email: string;
	name: string;
	laCode: string | null;
	rccId: string;
	role: 'viewer' | 'commissioner' | 'rcc_admin';
}

/**
 * The demo accounts of DESIGN.md, for every demo RCC: `<ons code>@demo.local` commissioner of that LA,
 * `admin.<rcc>@demo.local` its administrator, `viewer.<rcc>@demo.local` a viewer; password `demo`.
 * Called only when the demo data is seeded. Idempotent: existing accounts are left as they are.
 */
export async function seedDemoAccounts(
	db: Database,
	options: { log: (message: string) => void }
): Promise<void> {
	const { sql } = db;
	const members = await sql<
		{ rcc_id: string; rcc_name: string; la_code: string | null; la_name: string | null }[]
	>`
		select r.id as rcc_id, r.name as rcc_name, m.la_code, l.name as la_name
		from rccs r left join rcc_members m on m.rcc_id = r.id left join las l on l.code = m.la_code
		where r.is_demo order by r.id, m.la_code`;
	const wanted: DemoAccount[] = [];
	for (const rccId of new Set(members.map((m) => m.rcc_id))) {
		const rccName = members.find((m) => m.rcc_id === rccId)?.rcc_name ?? rccId;
		wanted.push(
			{
				email: `admin.${rccId}@demo.local`,
				name: `${rccName} administrator`,
				laCode: null,
				rccId,
				role: 'rcc_admin'
			},
			{ email: `viewer.${rccId}@demo.local`, name: `${rccName} viewer`, laCode: null, rccId, role: 'viewer' }
		);
	}
	for (const member of members) {
		if (!member.la_code) continue;
		wanted.push({
			email: `${member.la_code.toLowerCase()}@demo.local`,
			name: `${member.la_name ?? member.la_code} commissioner`,
			laCode: member.la_code,
			rccId: member.rcc_id,
			role: 'commissioner'
		});
	}
	const existing = new Set(
		(await sql<{ email: string }[]>`select email from users where email like '%@demo.local'`).map(
			(r) => r.email
		)
	);
	const missing = wanted.filter((account) => !existing.has(account.email));
	if (missing.length === 0) return;
	// One hash for all: they share the published demo password anyway, and each hash costs ~0.1 s.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await sql.begin(async (tx) => {
		for (const account of missing) {
			const userId = await users.create(tx, { ...account, passwordHash, isDemo: true });
			await users.grantRole(tx, {
				userId,
				rccId: account.rccId,
				role: account.role,
				laCode: account.laCode,
				grantedBy: null
			});
		}
	});
	options.log(`Demo accounts: created ${missing.length} (password "${DEMO_PASSWORD}")`);
}
