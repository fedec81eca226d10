import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentAuthorizer } from '../../server/collab/authorize-document';
import { createPostgresPersistence } from '../../server/collab/postgres-persistence';
import { createCollabServer } from '../../server/collab/server';
import type { CollabSession, CollabUser } from '../../server/collab/types';
import type { CurrentUser } from '../../src/lib/domain/types';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { ScenarioComparison } from '../../src/lib/server/workshop/compare-scenarios';
import { readMapDoc } from '../../src/lib/server/workshop/map-doc';
import { GET as comparisonOf } from '../../src/routes/api/rccs/[id=rcc]/scenario-comparison.json/+server';
import { readNotes, readScenarios, workshopParts } from '../../src/lib/workshop/schema';
import { commissionerOf, HOME_A, insertFixture, LA, OUTSIDER, VIEWER } from './api-fixture';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { connectClient, serveCollab, waitFor, type CollabInstance } from './helpers/collab';

/** The collaboration server's people for the fixture's RCC `tst`: a commissioner of Alpha and a viewer. */
const people: Record<string, CollabUser> = {
	editor: {
		id: 11,
		name: 'Alpha commissioner',
		la: { code: LA.A },
		roles: [{ rccId: 'tst', role: 'commissioner' }]
	},
	hostile: {
		id: 12,
		name: 'Hostile commissioner',
		la: { code: LA.B },
		roles: [{ rccId: 'tst', role: 'commissioner' }]
	},
	viewer: { id: 13, name: 'Vic Viewer', la: null, roles: [{ rccId: 'tst', role: 'viewer' }] }
};

async function authenticate(request: http.IncomingMessage): Promise<CollabSession | null> {
	const match = /(?:^|;\s*)session=([a-z]+)/.exec(request.headers.cookie ?? '');
	const user = match && people[match[1]];
	return user ? { id: match[1], user } : null;
}

const by = { name: 'Alpha commissioner', laCode: LA.A };
const at = '2026-12-04T18:00:00.000Z';

/** A scenario in the documented schema, written with plain Yjs as any y-websocket client could. */
function writeScenario(doc: Y.Doc, id: string, name: string, proposals: unknown[]) {
	doc.transact(() => {
		const scenario = new Y.Map<unknown>();
		scenario.set('name', name);
		scenario.set('createdBy', by);
		scenario.set('createdAt', at);
		const array = new Y.Array<unknown>();
		array.push(proposals);
		scenario.set('proposals', array);
		workshopParts(doc).scenarios.set(id, scenario);
	});
}

const fosterHome = {
	action: 'add',
	id: 'foster-near-alpha',
	kind: 'fostering',
	location: [HOME_A[0] + 0.01, HOME_A[1]],
	places: 3
};

describe.each(backends)('the workshop document map:<rccId> on %s', (backend) => {
	let test: TestDatabase;
	let instance: CollabInstance;
	const providers: { destroy(): void }[] = [];
	const client = (person: string) => {
		const opened = connectClient(instance.url, 'map:tst', person);
		providers.push(opened.provider);
		return opened;
	};
	const synced = (provider: { synced: boolean }) => waitFor(() => provider.synced, 10_000, 'sync');
	const compare = (user: CurrentUser | null, query: string) => {
		const url = `http://localhost/api/rccs/tst/scenario-comparison.json?${query}`;
		return comparisonOf({
			params: { id: 'tst' },
			url: new URL(url),
			request: new Request(url),
			locals: { runtime: { db: test.db, config: {} }, user }
		} as never) as Promise<Response>;
	};
	/** Until the stored document (what the endpoints read) has what `check` looks for. */
	const stored = async (check: (doc: Y.Doc) => boolean) => {
		const start = Date.now();
		for (;;) {
			const doc = await readMapDoc(test.db.sql, 'tst');
			if (check(doc)) return doc;
			if (Date.now() - start > 10_000) throw new Error('the stored document never had it');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		const collab = createCollabServer({
			persistence: createPostgresPersistence(test.db.sql),
			authenticate,
			authorize: createDocumentAuthorizer(test.db.sql),
			unloadDelayMs: 0,
			awarenessFlushMs: 10,
			log: () => {}
		});
		instance = await serveCollab(collab);
	});
	afterAll(async () => {
		for (const provider of providers) provider.destroy();
		await instance?.close();
		await test?.drop();
	});

	it('a stock y-websocket client writing the documented schema is read by others and compared by the server', async () => {
		const writer = client('editor');
		const reader = client('viewer');
		await Promise.all([synced(writer.provider), synced(reader.provider)]);
		writeScenario(writer.doc, 'with-foster', 'Foster carers near Alpha', [fosterHome]);
		writer.doc.transact(() =>
			workshopParts(writer.doc).notes.set('n1', {
				location: HOME_A,
				text: 'Recruit carers here?',
				by,
				createdAt: at,
				resolved: false
			})
		);
		await waitFor(() => readScenarios(reader.doc).entries.length === 1, 10_000, 'the scenario at the viewer');
		expect(readScenarios(reader.doc).entries[0]).toMatchObject({
			name: 'Foster carers near Alpha',
			createdBy: by
		});
		expect(readNotes(reader.doc).entries.map((note) => note.text)).toEqual(['Recruit carers here?']);
		await stored((doc) => readScenarios(doc).entries.length === 1);

		const own = await compare(commissionerOf(LA.A, 'Alpha'), 'a=with-foster&b=today');
		expect(own.status).toBe(200);
		expect(own.headers.get('cache-control')).toContain('no-store');
		const mine = (await own.json()) as ScenarioComparison;
		expect(mine.a).toMatchObject({ id: 'with-foster', proposals: [fosterHome], ignoredProposals: 0 });
		expect(mine.b).toMatchObject({ id: 'today', proposals: [] });
		const alpha = mine.las.find((la) => la.code === LA.A)!;
		// a4, Alpha's one child placed over 20 miles (foster care, ~150 miles away), could already live with
		// Alpha's vacant carers: the new ones bring nobody more. Alpha's own figures, in full.
		expect(alpha.a.broughtWithin20Miles).toEqual({ value: 0, suppressed: false });
		expect(alpha.b.broughtWithin20Miles).toEqual({ value: 0, suppressed: false });
		expect(alpha.percentOver20MilesNow).toEqual({ value: 20, suppressed: false });
		expect(alpha.a.placesAdded.fostering).toBe(3);
		expect(alpha.a.weeklyCost).toBe(3 * 900);
		expect(mine.region.a.weeklyCost).toBe(3 * 900);

		// The viewer reads the same comparison with Alpha's single child's share withheld.
		const viewer = (await (await compare(VIEWER, 'a=with-foster&b=today')).json()) as ScenarioComparison;
		const seen = viewer.las.find((la) => la.code === LA.A)!;
		expect(seen.percentOver20MilesNow).toEqual({ value: null, suppressed: true });
		expect(seen.a.percentOver20Miles).toEqual({ value: null, suppressed: true });
		expect(viewer.region.percentOver20MilesNow.suppressed).toBe(true);

		expect((await compare(null, 'a=with-foster')).status).toBe(401);
		expect((await compare(OUTSIDER, 'a=with-foster')).status).toBe(404);
		expect((await compare(VIEWER, 'a=no-such-scenario')).status).toBe(404);
	});

	it('a viewer’s writes never reach the document', async () => {
		const viewer = client('viewer');
		const editor = client('editor');
		await Promise.all([synced(viewer.provider), synced(editor.provider)]);
		writeScenario(viewer.doc, 'from-viewer', 'Written by a viewer', [fosterHome]);
		workshopParts(viewer.doc).notes.set('viewer-note', {
			location: HOME_A,
			text: 'mine',
			by,
			createdAt: at,
			resolved: false
		});
		// A later edit by the editor arrives; the viewer's never does.
		writeScenario(editor.doc, 'after-viewer', 'After the viewer', []);
		await stored((doc) => workshopParts(doc).scenarios.has('after-viewer'));
		const doc = await readMapDoc(test.db.sql, 'tst');
		expect(workshopParts(doc).scenarios.has('from-viewer')).toBe(false);
		expect(workshopParts(doc).notes.has('viewer-note')).toBe(false);
		expect(workshopParts(editor.doc).scenarios.has('from-viewer')).toBe(false);
	});

	it('a hostile client’s garbage is ignored where read: the server, other clients and the comparison carry on', async () => {
		const hostile = client('hostile');
		await synced(hostile.provider);
		const parts = workshopParts(hostile.doc);
		hostile.doc.transact(() => {
			writeScenario(hostile.doc, 'garbage', 'Garbage', [
				{ ...fosterHome, id: 'million', places: 1_000_000 },
				{ ...fosterHome, id: 'paris', location: [2.35, 48.86] },
				{ ...fosterHome, id: 'wrong-types', places: 'many', location: 'here' },
				{ action: 'remove', urn: 'SC999999' },
				{ action: 'move', urn: 'SC000001', location: [-2.35, 53.2] },
				null,
				42
			]);
			parts.scenarios.set('plain-object', { name: 'not a Y.Map' });
			parts.scenarios.set('number', 7);
			const broken = new Y.Map<unknown>();
			broken.set('name', { not: 'a string' });
			parts.scenarios.set('broken', broken);
			parts.notes.set('bad-note', { location: [150, -30], text: 7 });
			parts.areas.set('bad-area', 'a circle, trust me');
			parts.scenes.push([{ id: 1 }, 'scene']);
		});
		// 10,000 notes, in batches the server's per-second limits allow.
		for (let batch = 0; batch < 10; batch++) {
			hostile.doc.transact(() => {
				for (let i = 0; i < 1000; i++)
					parts.notes.set(`spam-${batch}-${i}`, {
						location: HOME_A,
						text: `spam ${batch * 1000 + i}`,
						by: { name: 'Hostile commissioner', laCode: LA.B },
						createdAt: new Date(Date.UTC(2026, 0, 1, 0, batch, i % 60)).toISOString(),
						resolved: false
					});
			});
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const doc = await stored((stored) => workshopParts(stored).scenarios.has('garbage'));
		const scenarios = readScenarios(doc);
		expect(scenarios.entries.map((s) => s.id)).toContain('garbage');
		expect(scenarios.ignored).toBeGreaterThanOrEqual(3);
		const garbage = scenarios.entries.find((s) => s.id === 'garbage')!;
		// Only the well-formed move and removal survive the reader; the removal of an unknown home is then
		// left out by the comparison, which still answers.
		expect(garbage.proposals).toEqual([
			{ action: 'remove', urn: 'SC999999' },
			{ action: 'move', urn: 'SC000001', location: [-2.35, 53.2] }
		]);
		expect(garbage.ignoredProposals).toBe(5);
		const answer = await compare(commissionerOf(LA.A, 'Alpha'), 'a=garbage&b=with-foster');
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as ScenarioComparison;
		expect(body.a.proposals).toEqual([{ action: 'move', urn: 'SC000001', location: [-2.35, 53.2] }]);
		expect(body.a.ignoredProposals).toBe(6);

		// A newcomer still connects and syncs, and reads the good entries past the garbage.
		const newcomer = client('viewer');
		await synced(newcomer.provider);
		await waitFor(
			() => readScenarios(newcomer.doc).entries.some((s) => s.id === 'with-foster'),
			10_000,
			'sync'
		);
		const notes = readNotes(newcomer.doc);
		expect(notes.entries.length).toBeLessThanOrEqual(500);
		expect(notes.ignored).toBeGreaterThan(0);
	});
});
