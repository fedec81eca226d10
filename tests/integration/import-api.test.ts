import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { addAccount, PASSWORD } from './helpers/accounts';
import { Session, startAppServer, type AppServer } from './helpers/app-server';
import { createImportDatabase, MANCHESTER, TRAFFORD } from './helpers/import-database';

const FIXTURES = path.resolve('tests/fixtures/import');

describe('the import API behind the page', () => {
	let dataDir: string;
	let db: Database;
	let app: AppServer;
	const sessions: Record<string, Session> = {};

	beforeAll(async () => {
		dataDir = await createImportDatabase('cth-import-api-');
		db = await openDatabase({ databaseUrl: null, dataDir });
		const { sql } = db;
		await sql`insert into rccs (id, name) values ('other', 'Other RCC')`;
		await sql`insert into postcode_sectors ${sql([
			{ sector: 'M14 5', lon: -2.2205, lat: 53.4455, postcodes: 2 },
			{ sector: 'M13 9', lon: -2.23, lat: 53.46, postcodes: 1 },
			{ sector: 'WA14 1', lon: -2.3505, lat: 53.3905, postcodes: 2 }
		])}`;
		await addAccount(sql, 'manchester@la.example', [
			{ rccId: 'gm', role: 'commissioner', laCode: MANCHESTER }
		]);
		await addAccount(sql, 'trafford@la.example', [{ rccId: 'gm', role: 'commissioner', laCode: TRAFFORD }]);
		await addAccount(sql, 'admin@rcc.example', [{ rccId: 'gm', role: 'rcc_admin' }]);
		await addAccount(sql, 'viewer@rcc.example', [{ rccId: 'gm', role: 'viewer' }]);
		await addAccount(sql, 'outsider@rcc.example', [{ rccId: 'other', role: 'rcc_admin' }]);
		app = await startAppServer(db);
		for (const email of [
			'manchester@la.example',
			'trafford@la.example',
			'admin@rcc.example',
			'viewer@rcc.example',
			'outsider@rcc.example'
		]) {
			sessions[email] = new Session(app.origin);
			expect((await sessions[email].signIn(email, PASSWORD)).status).toBe(200);
		}
	}, 300_000);
	afterAll(async () => {
		await app?.close();
		await db?.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	const start = (session: Session, body: Record<string, unknown>) =>
		session.postJson('/api/rccs/gm/imports', { asAt: '31/03/2025', fileName: 'f.csv', bytes: 10, ...body });

	/** Uploads a fixture in small chunks (as the page does), then previews or confirms it. */
	async function importFile(
		session: Session,
		kind: string,
		laCodes: string[],
		file: string,
		confirm: boolean
	) {
		const bytes = fs.readFileSync(path.join(FIXTURES, file));
		const started = await start(session, { kind, laCodes, bytes: bytes.length, fileName: file });
		expect(started.status).toBe(201);
		const { id } = (await started.json()) as { id: string };
		for (let offset = 0; offset < bytes.length; offset += 100) {
			const put = await session.request(`/api/rccs/gm/imports/${id}?offset=${offset}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream' },
				body: bytes.subarray(offset, offset + 100)
			});
			expect(put.status).toBe(200);
		}
		const preview = await session.postJson(`/api/rccs/gm/imports/${id}`, { confirm: false });
		if (!confirm || preview.status !== 200) return { id, response: preview };
		return { id, response: await session.postJson(`/api/rccs/gm/imports/${id}`, { confirm: true }) };
	}

	it("lets only a commissioner import their own LA's return, and an administrator region-wide files", async () => {
		const anonymous = new Session(app.origin);
		expect((await start(anonymous, { kind: 'vacancies', laCodes: [MANCHESTER] })).status).toBe(401);
		expect(
			(await start(sessions['outsider@rcc.example'], { kind: 'vacancies', laCodes: [MANCHESTER] })).status
		).toBe(404);
		expect(
			(await start(sessions['viewer@rcc.example'], { kind: 'vacancies', laCodes: [MANCHESTER] })).status
		).toBe(403);
		expect(
			(await start(sessions['trafford@la.example'], { kind: 'ssda903-header', laCodes: [MANCHESTER] })).status
		).toBe(403);
		expect(
			(await start(sessions['admin@rcc.example'], { kind: 'ssda903-header', laCodes: [MANCHESTER] })).status
		).toBe(403);
		expect(
			(await start(sessions['admin@rcc.example'], { kind: 'ofsted-providers', laCodes: ['E09000001'] }))
				.status
		).toBe(403);
		expect(
			(await start(sessions['admin@rcc.example'], { kind: 'postcode-sectors', laCodes: [MANCHESTER] })).status
		).toBe(403);
		expect(
			(
				await start(sessions['admin@rcc.example'], {
					kind: 'ofsted-providers',
					laCodes: [MANCHESTER, TRAFFORD]
				})
			).status
		).toBe(201);
		expect(
			(
				await start(sessions['manchester@la.example'], {
					kind: 'vacancies',
					laCodes: [MANCHESTER],
					bytes: 2 * 1024 ** 3
				})
			).status
		).toBe(413);
	}, 300_000);

	it('keeps an upload to its owner and its chunks in order', async () => {
		const started = await start(sessions['manchester@la.example'], {
			kind: 'vacancies',
			laCodes: [MANCHESTER],
			bytes: 4
		});
		const { id } = (await started.json()) as { id: string };
		const put = (session: Session, offset: number, body: string) =>
			session.request(`/api/rccs/gm/imports/${id}?offset=${offset}`, { method: 'PUT', body });
		expect((await put(sessions['trafford@la.example'], 0, 'URN,')).status).toBe(404);
		expect((await put(sessions['manchester@la.example'], 2, 'UR')).status).toBe(409);
		expect((await put(sessions['manchester@la.example'], 0, 'URN,V')).status).toBe(409);
		expect(
			(await sessions['manchester@la.example'].postJson(`/api/rccs/gm/imports/${id}`, { confirm: false }))
				.status
		).toBe(409);
		expect(
			(await sessions['trafford@la.example'].postJson(`/api/rccs/gm/imports/${id}`, { confirm: true })).status
		).toBe(404);
	}, 300_000);

	it("previews, imports and undoes a commissioner's return; the summary and the banner follow", async () => {
		const manchester = sessions['manchester@la.example'];
		const bad = await importFile(manchester, 'ssda903-header', [MANCHESTER], 'header-bad.csv', false);
		expect(bad.response.status).toBe(422);
		const refused = (await bad.response.json()) as { problems: { row: number; column: string }[] };
		expect(refused.problems.map((p) => `${p.row} ${p.column}`)).toEqual([
			'3 CHILD',
			'4 CHILD',
			'5 SEX',
			'5 DOB',
			'5 ETHNIC'
		]);

		expect(
			(await importFile(manchester, 'ssda903-header', [MANCHESTER], 'header-good.csv', true)).response.status
		).toBe(200);
		const preview = await importFile(
			manchester,
			'ssda903-episodes',
			[MANCHESTER],
			'episodes-good.csv',
			false
		);
		const planned = (await preview.response.json()) as { written: boolean; changes: Record<string, unknown> };
		expect(planned.written).toBe(false);
		expect(planned.changes.children).toEqual({ added: 4, updated: 0, removed: 2 });
		const count = async () => {
			const summary = (await (await manchester.get('/api/rccs/gm/summary')).json()) as {
				las: { code: string; childrenLookedAfter: { computed: number | null; published: number | null } }[];
			};
			return summary.las.find((la) => la.code === MANCHESTER)!.childrenLookedAfter;
		};
		expect((await count()).computed).toBe(2);

		const confirmed = await manchester.postJson(`/api/rccs/gm/imports/${preview.id}`, { confirm: true });
		expect(confirmed.status).toBe(200);
		expect(await count()).toEqual({ computed: 4, published: 1400 });
		const sources = (await (await manchester.get('/api/rccs/gm/data-sources.json')).json()) as {
			laCode: string;
			children: string;
		}[];
		expect(sources.map((s) => [s.laCode, s.children])).toEqual([
			[MANCHESTER, 'imported'],
			[TRAFFORD, 'synthetic']
		]);
		const [entry] = await db.sql<{ actor_email: string; details: { via: string; sha256: string } }[]>`
			select actor_email, details from audit_log where action = 'import' and details ->> 'kind' = 'ssda903-episodes' order by id desc limit 1`;
		expect(entry.actor_email).toBe('manchester@la.example');
		expect(entry.details.via).toBe('page');
		// The upload is gone once imported: the raw file is not kept.
		expect((await manchester.postJson(`/api/rccs/gm/imports/${preview.id}`, { confirm: true })).status).toBe(
			404
		);

		// The administrator may not undo the LA's return; its commissioner may.
		expect(
			(await sessions['admin@rcc.example'].postJson('/api/rccs/gm/imports/restore', { laCode: MANCHESTER }))
				.status
		).toBe(403);
		expect((await manchester.postJson('/api/rccs/gm/imports/restore', { laCode: MANCHESTER })).status).toBe(
			200
		);
		expect((await count()).computed).toBe(2);
	}, 300_000);
});
