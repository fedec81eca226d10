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
 * Issue 11 point 10: an RCC administrator adding people learns nothing about accounts in other RCCs.
 * Adding an email that already has an account (a commissioner in RCC `other`) answers exactly as adding
 * a new one; the RCC's pages then show the name the administrator typed, sign-ins since joining and the
 * role in this RCC, nothing from the account's life elsewhere. Checked on the bodies, not on timings.
 */
const KNOWN = 'known@other.test';
const FRESH = 'fresh@new.test';

/** The answer with the parts that must differ (the email typed, the random password) put in brackets. */
function neutral(body: string, email: string): string {
	const temporary = /class="temporary[^"]*">([\w-]+)</.exec(body)?.[1] ?? /\\"([\w-]{16})\\"/.exec(body)?.[1];
	expect(temporary, 'a temporary password is shown').toBeTruthy();
	return body.replaceAll(email, '[email]').replaceAll(temporary!, '[password]');
}
const banner = (html: string) =>
	/<div class="govuk-notification-banner[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0];

describe.each(backends)('adding a person whose email has an account elsewhere, on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	let sql: postgres.Sql;
	let admin: Session;

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		sql = test.db.sql;
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(sql);
		await addAccount(sql, 'admin@tst.test', [{ rccId: 'tst', role: 'rcc_admin' }]);
		for (const email of [KNOWN, 'known2@other.test']) {
			await addAccount(sql, email, [{ rccId: 'other', role: 'commissioner', laCode: LA.D }], {
				name: 'Real Name Elsewhere',
				laCode: LA.D
			});
		}
		app = await startAppServer(test.db);
		// They have used the app before: sign-ins the other RCC's log holds.
		for (const email of [KNOWN, 'known2@other.test']) {
			expect((await new Session(app.origin).signIn(email, PASSWORD)).status).toBe(200);
		}
		admin = new Session(app.origin);
		expect((await admin.signIn('admin@tst.test', PASSWORD)).status).toBe(200);
	});
	afterAll(async () => {
		await app?.close();
		await test?.drop();
	});

	it('answers the same, byte for byte, for a new email and one known in another RCC', async () => {
		const add = (email: string, accept: string) =>
			admin.postForm(
				'/admin/tst?/addPerson',
				{ email, name: 'Typed Name', role: 'viewer' },
				{ accept, 'x-sveltekit-action': 'true' }
			);
		// The JSON answer (what the enhanced form receives) and the page (what a plain form post shows).
		const freshJson = await add(FRESH, 'application/json');
		const knownJson = await add(KNOWN.toUpperCase(), 'application/json');
		expect([freshJson.status, knownJson.status]).toEqual([200, 200]);
		expect(neutral(await knownJson.text(), KNOWN)).toBe(neutral(await freshJson.text(), FRESH));

		const freshHtml = await add('fresh2@new.test', 'text/html');
		const knownHtml = await add('known2@other.test', 'text/html');
		expect([freshHtml.status, knownHtml.status]).toEqual([200, 200]);
		const [freshBanner, knownBanner] = [banner(await freshHtml.text()), banner(await knownHtml.text())];
		expect(freshBanner).toContain('If they are new to Close to Home');
		expect(neutral(knownBanner!, 'known2@other.test')).toBe(neutral(freshBanner!, 'fresh2@new.test'));
	});

	it('shows this RCC’s administrators only what they typed and what happened here', async () => {
		const html = await (await admin.get('/admin/tst')).text();
		const row = new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*${KNOWN.replace('.', '\\.')}[\\s\\S]*?</tr>`).exec(
			html
		)?.[0];
		expect(row).toContain('Typed Name');
		expect(row).toContain('Not since joining');
		expect(row).toContain('Viewer');
		for (const elsewhere of ['Real Name Elsewhere', 'Another RCC', 'Delta', LA.D, 'Commissioner for'])
			expect(html, elsewhere).not.toContain(elsewhere);

		const log = await (await admin.get('/admin/tst/audit')).text();
		expect(log).toContain(`>${KNOWN}<`);
		expect(log).toContain(`>${FRESH}<`);
		expect(log).not.toContain('govuk-tag--grey">user.created<');
		expect(log).not.toContain('Another RCC');
		// Their sign-in before joining is not this RCC's to read: only the grant shows.
		const knownEntries = (log.match(/<tr[\s\S]*?<\/tr>/g) ?? []).filter((r) => r.includes(KNOWN));
		expect(knownEntries).toHaveLength(1);
		expect(knownEntries[0]).toContain('role.granted');
	});

	it('leaves the known account as it was: its name, its password, its other role', async () => {
		const [account] = await sql`select name, la_code from users where email = ${KNOWN}`;
		expect(account).toEqual({ name: 'Real Name Elsewhere', la_code: LA.D });
		const known = new Session(app.origin);
		expect((await known.signIn(KNOWN, PASSWORD)).status).toBe(200);
		const me = await (await known.get('/api/me')).json();
		expect(me.roles.map((r: { rccId: string; role: string }) => `${r.rccId} ${r.role}`)).toEqual([
			'other commissioner',
			'tst viewer'
		]);
		// Signing in now, as a member of tst, is tst's to see; what they do in other is not.
		const log = await (await admin.get(`/admin/tst/audit?action=sign_in&actor=${KNOWN}`)).text();
		expect(log).toContain('1 entry<');
		const [{ id }] = await sql<{ id: number }[]>`select id from users where email = ${KNOWN}`;
		await audit.record(sql, {
			action: 'export',
			actor: { id, email: KNOWN },
			rccId: 'other',
			subject: 'placements.csv'
		});
		const exports = await (await admin.get(`/admin/tst/audit?actor=${KNOWN}`)).text();
		expect(exports).not.toContain('placements.csv');
		expect(exports).toContain('1 entry<'); // the sign-in since joining
	});

	it('the one-time password given for a known account opens nothing', async () => {
		const response = await admin.postForm('/admin/tst?/addPerson', {
			email: 'known3@other.test',
			name: 'Typed',
			role: 'viewer'
		});
		// No such account yet: this one is new, and its password works.
		const temporary = /class="temporary[^"]*">([\w-]+)</.exec(await response.text())![1];
		expect((await new Session(app.origin).signIn('known3@other.test', temporary)).status).toBe(200);
		await addAccount(sql, 'known4@other.test', [{ rccId: 'other', role: 'viewer' }]);
		const known = await admin.postForm('/admin/tst?/addPerson', {
			email: 'known4@other.test',
			name: 'Typed',
			role: 'viewer'
		});
		const useless = /class="temporary[^"]*">([\w-]+)</.exec(await known.text())![1];
		expect((await new Session(app.origin).signIn('known4@other.test', useless)).status).toBe(401);
		expect((await new Session(app.origin).signIn('known4@other.test', PASSWORD)).status).toBe(200);
	});

	it('an administrator of tst who is a commissioner in other sees the union of their roles, no more', async () => {
		const promoted = await admin.postForm('/admin/tst?/changeRole', {
			userId: String((await sql`select id from users where email = 'known2@other.test'`)[0].id),
			role: 'rcc_admin'
		});
		expect(promoted.status).toBe(200);
		const both = new Session(app.origin);
		expect((await both.signIn('known2@other.test', PASSWORD)).status).toBe(200);
		expect((await both.get('/admin/tst')).status).toBe(200);
		expect((await both.get('/admin/other')).status).toBe(403);
		expect((await both.get('/admin/other/audit')).status).toBe(403);
		// Their own LA's children, in their own RCC, as before; none of tst's.
		const own = await (await both.get('/api/rccs/other/placements.geojson')).json();
		expect(own.features.map((f: { properties: { childId: string } }) => f.properties.childId)).toEqual([
			'd1',
			'd2'
		]);
		const tst = await (await both.get('/api/rccs/tst/placements.geojson')).json();
		expect(tst.features).toEqual([]);
		// Administering tst does not let them bring their own LA over, nor act for it in tst.
		const take = await both.postForm('/admin/tst?/addLa', { laCode: LA.D });
		expect(take.status).toBe(400);
		const grant = await both.postForm('/admin/tst?/changeRole', {
			userId: String((await sql`select id from users where email = 'known2@other.test'`)[0].id),
			role: 'commissioner',
			laCode: LA.D
		});
		expect(grant.status).toBe(400);
		expect(await sql`select rcc_id from rcc_members where la_code = ${LA.D}`).toEqual([{ rcc_id: 'other' }]);
	});
});
