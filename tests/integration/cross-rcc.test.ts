import path from 'node:path';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/audit';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

/**
 * Issue 11 point 3, end to end over HTTP: the administrator of `se` tries to take Manchester (an LA of
 * `gm`) and read its children's placements. Every step is refused with a clear message, nothing is
 * written but the audit entries, and `gm`'s administrators see each attempt in their own log. Then the
 * legitimate path: a platform administrator moves an LA, audited in both RCCs, and the commissioners who
 * acted for it in the RCC it left lose that role.
 */
const MANCHESTER = 'E08000003';
const BOLTON = 'E08000001';
const MEDWAY = 'E06000035';

async function insertTwoRccs(sql: postgres.Sql): Promise<void> {
	await insertFixture(sql);
	const square = (west: number, south: number) =>
		sql.json({
			type: 'Polygon',
			coordinates: [
				[
					[west, south],
					[west + 0.2, south],
					[west + 0.2, south + 0.2],
					[west, south + 0.2],
					[west, south]
				]
			]
		} as never);
	const la = (code: string, name: string, west: number, south: number) => ({
		code,
		name,
		region_code: south > 52 ? 'E12000002' : 'E12000008',
		region_name: south > 52 ? 'North West' : 'South East',
		geometry: square(west, south),
		label_lon: west + 0.1,
		label_lat: south + 0.1,
		population_0_17: 50_000,
		published: sql.json({})
	});
	await sql`insert into las ${sql([
		la(MANCHESTER, 'Manchester', -2.3, 53.4),
		la(BOLTON, 'Bolton', -2.5, 53.55),
		la(MEDWAY, 'Medway', 0.5, 51.35)
	])}`;
	await sql`insert into rccs ${sql([
		{ id: 'gm', name: 'Greater Manchester', is_demo: false },
		{ id: 'se', name: 'South East', is_demo: false }
	])}`;
	await sql`insert into rcc_members ${sql([
		{ rcc_id: 'gm', la_code: MANCHESTER },
		{ rcc_id: 'gm', la_code: BOLTON },
		{ rcc_id: 'se', la_code: MEDWAY }
	])}`;
	const child = (id: string) => ({
		id,
		la_code: MANCHESTER,
		age: 12,
		placement_type: 'foster',
		home_lon: -2.2,
		home_lat: 53.5,
		placement_lon: -2.25,
		placement_lat: 53.45,
		placement_la_code: MANCHESTER
	});
	await sql`insert into children ${sql(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map(child))}`;
}

const childIds = async (response: Response) =>
	((await response.json()) as { features: { properties: { childId: string } }[] }).features.map(
		(f) => f.properties.childId
	);

describe.each(backends)('cross-RCC escalation on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	let sql: postgres.Sql;
	const session = {} as Record<'adminSe' | 'adminGm' | 'manchester' | 'platform', Session>;
	let seViewerId = 0;

	const membersOf = async (laCode: string) =>
		(await sql<{ rcc_id: string }[]>`select rcc_id from rcc_members where la_code = ${laCode}`).map(
			(r) => r.rcc_id
		);
	const logOf = async (rccId: string, action: audit.AuditAction) =>
		(await audit.query(sql, { rccId, action })).map((e) => ({
			actor: e.actorEmail,
			subject: e.subject,
			details: e.details
		}));

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		sql = test.db.sql;
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertTwoRccs(sql);
		await addAccount(sql, 'admin@se.test', [{ rccId: 'se', role: 'rcc_admin' }]);
		await addAccount(sql, 'admin@gm.test', [{ rccId: 'gm', role: 'rcc_admin' }]);
		await addAccount(sql, 'manchester@gm.test', [{ rccId: 'gm', role: 'commissioner', laCode: MANCHESTER }]);
		seViewerId = await addAccount(sql, 'viewer@se.test', [{ rccId: 'se', role: 'viewer' }]);
		const platformId = await addAccount(sql, 'platform@cth.test', []);
		await sql`update users set platform_admin = true where id = ${platformId}`;
		app = await startAppServer(test.db);
		for (const [name, email] of [
			['adminSe', 'admin@se.test'],
			['adminGm', 'admin@gm.test'],
			['manchester', 'manchester@gm.test'],
			['platform', 'platform@cth.test']
		] as const) {
			session[name] = new Session(app.origin);
			expect((await session[name].signIn(email, PASSWORD)).status).toBe(200);
		}
	});
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});

	it('Manchester’s own commissioner reads its placements (the data at stake)', async () => {
		const response = await session.manchester.get('/api/rccs/gm/placements.geojson');
		expect(response.status).toBe(200);
		expect(await childIds(response)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
	});

	it('a database cannot hold an LA in two RCCs, whatever writes to it', async () => {
		await expect(sql`insert into rcc_members (rcc_id, la_code) values ('se', ${MANCHESTER})`).rejects.toThrow(
			/rcc_members_one_rcc/
		);
	});

	it('the admin of se is not offered another RCC’s LA, and cannot add it (any spelling, any hidden field)', async () => {
		const page = await session.adminSe.get('/admin/se');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).not.toContain(`value="${MANCHESTER}"`);
		expect(html).toContain(`value="${LA.C}"`); // Gamma belongs to no RCC: it may be added
		for (const fields of [
			{ laCode: MANCHESTER },
			{ laCode: ` ${MANCHESTER.toLowerCase()} ` },
			{ laCode: MANCHESTER, rccId: 'gm' }
		] as Record<string, string>[]) {
			const response = await session.adminSe.postForm('/admin/se?/addLa', fields);
			expect(response.status).toBe(400);
			const body = await response.text();
			expect(body).toContain('Manchester belongs to another RCC');
			expect(body).toContain('only a platform administrator can move it');
			// Which RCC holds it is not said.
			expect(body).not.toContain('Greater Manchester');
		}
		expect(await membersOf(MANCHESTER)).toEqual(['gm']);
		const refused = {
			actor: 'admin@se.test',
			subject: MANCHESTER,
			details: { name: 'Manchester', requestedFor: 'se' }
		};
		expect(await logOf('se', 'rcc.member_refused')).toEqual([refused, refused, refused]);
		expect(await logOf('gm', 'rcc.member_refused')).toEqual([refused, refused, refused]);
		// gm's administrators see the attempts on their own audit page.
		const gmAudit = await (await session.adminGm.get('/admin/gm/audit?action=rcc.member_refused')).text();
		expect(gmAudit).toContain('3 entries<');
		expect(gmAudit).toContain('admin@se.test');
	});

	it('refuses, with a clear message, an LA code that does not exist or is far too long', async () => {
		const unknown = await session.adminSe.postForm('/admin/se?/addLa', { laCode: 'E99999999' });
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('There is no LA with the ONS code E99999999');
		const long = await session.adminSe.postForm('/admin/se?/addLa', { laCode: 'E'.repeat(5000) });
		expect(long.status).toBe(400);
		expect(await long.text()).toContain(`There is no LA with the ONS code ${'E'.repeat(20)}<`);
		const empty = await session.adminSe.postForm('/admin/se?/addLa', { laCode: '' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Choose an LA');
		expect(await sql`select 1 from rcc_members where rcc_id = 'se'`).toHaveLength(1);
	});

	it('the admin of se cannot act on gm’s pages at all, whatever the URL or form says', async () => {
		for (const [pathname, fields] of [
			['/admin/gm?/addLa', { laCode: LA.C }],
			['/admin/gm?/removeLa', { laCode: MANCHESTER }],
			[
				'/admin/gm?/addPerson',
				{ email: 'spy@se.test', name: 'Spy', role: 'commissioner', laCode: MANCHESTER }
			]
		] as const) {
			const response = await session.adminSe.postForm(pathname, fields);
			expect(response.status, pathname).toBe(404);
			expect(await response.text()).toContain('There is no RCC "gm" that you administer');
		}
		expect((await session.adminSe.get('/admin/gm')).status).toBe(404);
		expect((await session.adminSe.get('/admin/gm/audit')).status).toBe(404);
		const removeElsewhere = await session.adminSe.postForm('/admin/se?/removeLa', { laCode: MANCHESTER });
		expect(removeElsewhere.status).toBe(400);
		expect(await removeElsewhere.text()).toContain('That LA is not a member of this RCC');
		expect(await membersOf(MANCHESTER)).toEqual(['gm']);
		expect(await sql`select 1 from users where email = 'spy@se.test'`).toHaveLength(0);
	});

	it('refuses a commissioner for Manchester in se, by adding a person or changing a role, audited in both', async () => {
		const added = await session.adminSe.postForm('/admin/se?/addPerson', {
			email: 'spy@se.test',
			name: 'Spy',
			role: 'commissioner',
			laCode: MANCHESTER
		});
		expect(added.status).toBe(400);
		expect(await added.text()).toContain(
			'A commissioner’s LA must be a member of this RCC: Manchester is not'
		);
		expect(await sql`select 1 from users where email = 'spy@se.test'`).toHaveLength(0);
		const changed = await session.adminSe.postForm('/admin/se?/changeRole', {
			userId: String(seViewerId),
			role: 'commissioner',
			laCode: MANCHESTER
		});
		expect(changed.status).toBe(400);
		expect(await changed.text()).toContain('must be a member of this RCC: Manchester is not');
		expect(await sql`select role, la_code from user_roles where user_id = ${seViewerId}`).toEqual([
			{ role: 'viewer', la_code: null }
		]);
		const details = {
			role: 'commissioner',
			laCode: MANCHESTER,
			name: 'Manchester',
			requestedFor: 'se'
		};
		const expected = [
			{ actor: 'admin@se.test', subject: 'viewer@se.test', details },
			{ actor: 'admin@se.test', subject: 'spy@se.test', details }
		];
		expect(await logOf('se', 'role.refused')).toEqual(expected);
		expect(await logOf('gm', 'role.refused')).toEqual(expected);
		expect(await logOf('se', 'role.granted')).toEqual([]);
	});

	it('so the admin of se reads none of Manchester’s placements, on any path', async () => {
		for (const pathname of [
			'/api/rccs/gm/placements.geojson',
			'/api/rccs/gm/analysis-input.json',
			'/api/rccs/gm/summary'
		]) {
			const response = await session.adminSe.get(pathname);
			expect(response.status, pathname).toBe(404);
		}
		for (const pathname of ['/api/rccs/se/placements.geojson', '/api/rccs/england/placements.geojson']) {
			const response = await session.adminSe.get(pathname);
			expect(response.status, pathname).toBe(200);
			expect(await childIds(response)).toEqual([]);
		}
	});

	it('an rcc_admin cannot move an LA, even by posting the platform form', async () => {
		const response = await session.adminSe.postForm('/admin?/moveLa', { laCode: MANCHESTER, rccId: 'se' });
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('Only a platform administrator can move an LA between RCCs');
		expect(await membersOf(MANCHESTER)).toEqual(['gm']);
		expect(await logOf('se', 'rcc.member_moved')).toEqual([]);
	});

	it('a platform administrator moves Manchester to se: audited in both, its gm commissioner loses that role', async () => {
		const page = await (await session.platform.get('/admin')).text();
		expect(page).toContain('Move an LA between RCCs');
		expect(page).toContain('Manchester (Greater Manchester)');
		// The platform flag opens no RCC: it is not a role in one.
		expect((await session.platform.get('/admin/gm')).status).toBe(404);
		expect((await session.platform.get('/api/rccs/gm/placements.geojson')).status).toBe(404);

		const moved = await session.platform.postForm('/admin?/moveLa', { laCode: MANCHESTER, rccId: 'se' });
		expect(moved.status).toBe(200);
		expect(await moved.text()).toContain(
			'Manchester now belongs to South East; 1 commissioner role for it ended'
		);
		expect(await membersOf(MANCHESTER)).toEqual(['se']);
		const entry = {
			actor: 'platform@cth.test',
			subject: MANCHESTER,
			details: { name: 'Manchester', from: 'gm', to: 'se', commissionerRolesRemoved: 1 }
		};
		expect(await logOf('gm', 'rcc.member_moved')).toEqual([entry]);
		expect(await logOf('se', 'rcc.member_moved')).toEqual([entry]);
		expect(await logOf('gm', 'role.revoked')).toEqual([
			{
				actor: 'platform@cth.test',
				subject: 'manchester@gm.test',
				details: { role: 'commissioner', laCode: MANCHESTER, reason: 'Manchester moved to another RCC' }
			}
		]);
		for (const admin of [session.adminGm, session.adminSe]) {
			const rccId = admin === session.adminGm ? 'gm' : 'se';
			const html = await (await admin.get(`/admin/${rccId}/audit?action=rcc.member_moved`)).text();
			expect(html).toContain('1 entry<');
			expect(html).toContain('platform@cth.test');
		}
		// The grant stops giving access at once: the next request no longer reaches Manchester's children.
		const me = await (await session.manchester.get('/api/me')).json();
		expect(me.roles).toEqual([]);
		expect((await session.manchester.get('/api/rccs/gm/placements.geojson')).status).toBe(404);

		// Now se's administrator may make a commissioner for Manchester, who then sees its children.
		const added = await session.adminSe.postForm('/admin/se?/addPerson', {
			email: 'manchester@se.test',
			name: 'Manchester in SE',
			role: 'commissioner',
			laCode: MANCHESTER
		});
		expect(added.status).toBe(200);
		const temporary = /class="temporary[^"]*">([\w-]+)</.exec(await added.text())![1];
		const commissioner = new Session(app.origin);
		expect((await commissioner.signIn('manchester@se.test', temporary)).status).toBe(200);
		expect(await childIds(await commissioner.get('/api/rccs/se/placements.geojson'))).toEqual([
			'm1',
			'm2',
			'm3',
			'm4',
			'm5',
			'm6'
		]);
	});

	it('refuses a move to an RCC that does not exist, or to where the LA already is', async () => {
		const nowhere = await session.platform.postForm('/admin?/moveLa', { laCode: BOLTON, rccId: 'atlantis' });
		expect(nowhere.status).toBe(400);
		expect(await nowhere.text()).toContain('There is no RCC "atlantis"');
		const same = await session.platform.postForm('/admin?/moveLa', { laCode: BOLTON, rccId: 'gm' });
		expect(same.status).toBe(400);
		expect(await same.text()).toContain('Bolton already belongs to that RCC');
		expect(await membersOf(BOLTON)).toEqual(['gm']);
	});

	it('an LA an rcc_admin removes belongs to no RCC, its commissioners’ roles revoked one by one', async () => {
		await addAccount(sql, 'bolton@gm.test', [{ rccId: 'gm', role: 'commissioner', laCode: BOLTON }]);
		const removed = await session.adminGm.postForm('/admin/gm?/removeLa', { laCode: BOLTON });
		expect(removed.status).toBe(200);
		expect(await membersOf(BOLTON)).toEqual([]);
		expect((await logOf('gm', 'role.revoked'))[0]).toEqual({
			actor: 'admin@gm.test',
			subject: 'bolton@gm.test',
			details: { role: 'commissioner', laCode: BOLTON, reason: 'Bolton left the RCC' }
		});
		// Belonging to no RCC, it may be added by an administrator.
		expect((await session.adminSe.postForm('/admin/se?/addLa', { laCode: BOLTON })).status).toBe(200);
		expect(await membersOf(BOLTON)).toEqual(['se']);
	});
});
