import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GET as listPlans, POST as createPlan } from '../../src/routes/api/rccs/[id=rcc]/plans/+server';
import {
	GET as listPublished,
	POST as publish
} from '../../src/routes/api/rccs/[id=rcc]/plans/[planId]/publish/+server';
import {
	GET as listSnapshots,
	POST as saveSnapshot
} from '../../src/routes/api/rccs/[id=rcc]/plans/[planId]/snapshots/+server';
import { GET as readSnapshot } from '../../src/routes/api/rccs/[id=rcc]/plans/[planId]/snapshots/[snapshotId]/+server';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import type { CurrentUser, Role } from '../../src/lib/domain/types';
import { SECTION_GUIDANCE, TEMPLATE_SECTIONS, oldTemplateTitle } from '../../src/lib/plan/template';
import { escapeHtml } from '../../src/lib/plan/render-html';
import * as rccs from '../../src/lib/server/db/rccs';
import { planParts } from '../../src/lib/plan/schema';
import { transact } from '../../src/lib/plan/transact';
import * as publishedVersions from '../../src/lib/plan/server/published-versions.server';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import { insertFixture, LA } from './api-fixture';

type Handler = (event: never) => Response | Promise<Response>;

function person(
	id: number,
	name: string,
	role: Role,
	rccId = 'tst',
	laCode: string | null = null
): CurrentUser {
	return {
		id,
		email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
		name,
		la: laCode ? { code: laCode, name: laCode } : null,
		roles: [{ rccId, rccName: rccId, role, laCode, laName: laCode }]
	};
}

const admin = person(1, 'Tst admin', 'rcc_admin');
const alpha = person(2, 'Alpha commissioner', 'commissioner', 'tst', LA.A);
const viewer = person(3, 'Tst viewer', 'viewer');
const outsider = person(4, 'Other admin', 'rcc_admin', 'other');

describe.each(backends)('plans, snapshots and publishing on %s', (backend) => {
	let test: TestDatabase;

	async function call(
		handler: Handler,
		user: CurrentUser | null,
		params: Record<string, string>,
		body?: unknown
	): Promise<Response> {
		const event = {
			params,
			url: new URL('http://localhost/api/test'),
			request: new Request('http://localhost/api/test', {
				method: body === undefined ? 'GET' : 'POST',
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			}),
			getClientAddress: () => '127.0.0.1',
			locals: { runtime: { db: test.db, config: {} }, user }
		};
		return handler(event as never);
	}

	/** What the collaboration server does with an edit: appends the update to collab_updates. */
	async function edit(planId: string, change: (doc: Y.Doc) => void) {
		const doc = new Y.Doc();
		const rows = await test.db.sql<
			{ update: Buffer }[]
		>`select update from collab_updates where doc = ${'plan:' + planId}`;
		rows.forEach((row) => Y.applyUpdate(doc, new Uint8Array(row.update)));
		const before = Y.encodeStateVector(doc);
		change(doc);
		const update = Y.encodeStateAsUpdate(doc, before);
		await test.db
			.sql`insert into collab_updates (doc, update) values (${'plan:' + planId}, ${Buffer.from(update)})`;
	}

	/** The plan the first test creates (listings are newest first; later tests add plans). */
	async function mainPlanId(): Promise<string> {
		const listed: { id: string; title: string }[] = await (
			await call(listPlans, admin, { id: 'tst' })
		).json();
		const plan = listed.find((p) => p.title === 'Sufficiency strategy');
		if (!plan) throw new Error('The first test did not create its plan');
		return plan.id;
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await migrate(test.db, readMigrations(path.resolve('migrations')));
		await insertFixture(test.db.sql);
		for (const user of [admin, alpha, viewer, outsider]) {
			await test.db
				.sql`insert into users (id, email, name) overriding system value values (${user.id}, ${user.email}, ${user.name})`;
		}
	});
	afterAll(() => test?.drop());

	it('creates a plan from the template, stored as the first update of plan:<id>; viewers cannot', async () => {
		expect(
			(await call(createPlan, viewer, { id: 'tst' }, { title: 'Strategy', period: '2026-2029' })).status
		).toBe(403);
		expect((await call(createPlan, null, { id: 'tst' }, { title: 'Strategy' })).status).toBe(401);
		expect((await call(createPlan, outsider, { id: 'tst' }, { title: 'Strategy' })).status).toBe(404);
		expect((await call(createPlan, alpha, { id: 'tst' }, { title: '', period: 'soon' })).status).toBe(400);

		const response = await call(
			createPlan,
			alpha,
			{ id: 'tst' },
			{ title: 'Sufficiency strategy', period: '2026 to 2029' }
		);
		expect(response.status).toBe(201);
		const plan = await response.json();
		expect(plan).toMatchObject({
			rccId: 'tst',
			title: 'Sufficiency strategy',
			period: '2026-2029',
			createdByName: 'Alpha commissioner',
			latestVersion: null
		});
		expect(response.headers.get('location')).toBe(`/rcc/tst/plans/${plan.id}`);

		const [stored] = await test.db.sql<
			{ update: Buffer }[]
		>`select update from collab_updates where doc = ${'plan:' + plan.id}`;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, new Uint8Array(stored.update));
		const text = planParts(doc).body.toString();
		for (const section of TEMPLATE_SECTIONS) expect(text).toContain(section);
		expect(text).toContain('Alpha');
		expect(text).toContain('Beta');

		const listed = await (await call(listPlans, viewer, { id: 'tst' })).json();
		expect(listed.map((p: { id: string }) => p.id)).toEqual([plan.id]);
		expect((await call(listPlans, outsider, { id: 'tst' })).status).toBe(404);
	});

	it('publishes numbered, immutable versions with frozen, suppressed figures; administrators only', async () => {
		const planId = await mainPlanId();
		const params = { id: 'tst', planId };
		expect((await call(publish, alpha, params, {})).status).toBe(403);
		expect((await call(publish, outsider, params, {})).status).toBe(404);
		expect((await call(publish, admin, { id: 'tst', planId: 'nope' }, {})).status).toBe(404);

		await edit(planId, (doc) =>
			transact(doc, {
				kind: 'action.add',
				row: {
					id: 'a1',
					action: 'Open a home <near> Alpha',
					ownerLa: LA.A,
					lead: 'Lead',
					dueDate: '2027-03-31',
					status: 'amber',
					linkedGap: 'North',
					link: { kind: 'gap', cell: '851951b7fffffff', label: 'Gap 1: 12 children, near Alpha' }
				}
			})
		);
		const first = await call(publish, admin, params, {});
		expect(first.status).toBe(201);
		expect(await first.json()).toMatchObject({
			version: 1,
			url: `/published/tst/${planId}/v1`,
			publishedByName: 'Tst admin'
		});

		const v1 = await publishedVersions.find(test.db.sql, 'tst', planId, 1);
		expect(v1?.html).toContain('>Needs analysis</h2>');
		expect(v1?.html).toContain('<td>Open a home &lt;near&gt; Alpha</td><td>Alpha</td>');
		// The linked gap as its frozen label and the free text before links; the members' map is not linked.
		expect(v1?.html).toContain('>Gap 1: 12 children, near Alpha</span><br>North</td>');
		expect(v1?.html).not.toContain('/rcc/');
		// Figures as an anonymous reader may see them: the region's child counts pass suppression.ts.
		expect(v1?.figures.map((f) => `${f.area}:${f.metric}`)).toEqual([
			'region:childrenLookedAfter',
			'region:percentOver20Miles'
		]);
		for (const figure of v1?.figures ?? []) {
			expect(v1?.html).toContain(figure.text.replace(/'/g, '&#39;'));
			if (figure.suppressed) expect(figure.value).toBeNull();
		}

		await edit(planId, (doc) =>
			transact(doc, { kind: 'action.update', id: 'a1', field: 'status', value: 'green' })
		);
		const second = await (await call(publish, admin, params, {})).json();
		expect(second.version).toBe(2);
		expect((await publishedVersions.find(test.db.sql, 'tst', planId, 1))?.html).toContain('Amber: at risk');
		expect((await publishedVersions.find(test.db.sql, 'tst', planId, 2))?.html).toContain('Green: on track');
		expect(
			(await (await call(listPublished, viewer, params)).json()).map((v: { version: number }) => v.version)
		).toEqual([2, 1]);
		expect(
			(await publishedVersions.latestOfRcc(test.db.sql, 'tst')).map((v) => [v.planId, v.version])
		).toEqual([[planId, 2]]);
		expect(await publishedVersions.latestOfRcc(test.db.sql, 'other')).toEqual([]);

		await expect(
			test.db.sql`update published_versions set html = 'changed' where plan_id = ${planId}`
		).rejects.toThrow(/cannot be changed/);
		await expect(test.db.sql`delete from published_versions where plan_id = ${planId}`).rejects.toThrow(
			/cannot be changed/
		);
		const audit = await test.db
			.sql`select action, subject from audit_log where action = 'publish' order by id`;
		expect(audit.map((row) => row.subject)).toEqual(['Sufficiency strategy v1', 'Sufficiency strategy v2']);
	});

	it("publishes under the plan's title, never a template prompt stored as text, whatever a client wrote", async () => {
		const plan = await (
			await call(createPlan, admin, { id: 'tst' }, { title: 'Our own title', period: '2027-2030' })
		).json();
		const { name: rccName } = (await rccs.find(test.db.sql, 'tst'))!;
		// As plans started before schema version 3 held it (and as a client could still send it): the
		// template's title first, a prompt in italics, another typed back as plain text.
		await edit(plan.id, (doc) => {
			const body = planParts(doc).body;
			const block = (name: string, text: string, attrs: Record<string, unknown> = {}) => {
				const element = new Y.XmlElement(name);
				for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
				const content = new Y.XmlText();
				content.insert(0, text, name === 'paragraph' ? { italic: true } : {});
				element.insert(0, [content]);
				return element;
			};
			body.insert(0, [
				block('heading', oldTemplateTitle({ rccName, period: '2027-2030' }), { level: 1 as never }),
				block('paragraph', SECTION_GUIDANCE['Purpose and legal context'])
			]);
			const plain = new Y.XmlElement('paragraph');
			plain.insert(0, [new Y.XmlText(SECTION_GUIDANCE['Gaps and priorities'])]);
			body.push([plain]);
		});
		const { version } = await (await call(publish, admin, { id: 'tst', planId: plan.id }, {})).json();
		const html = (await publishedVersions.find(test.db.sql, 'tst', plan.id, version))?.html ?? '';
		expect(html.startsWith('<h1 id="our-own-title-2027-2030">Our own title 2027-2030</h1>')).toBe(true);
		expect(html.match(/<h1/g)).toHaveLength(1);
		expect(html).not.toContain('sufficiency strategy 2027-2030');
		for (const guidance of Object.values(SECTION_GUIDANCE)) expect(html).not.toContain(escapeHtml(guidance));
		expect(html).not.toContain('<p></p>');
		expect(html).toContain('>Needs analysis</h2>');
	});

	it('a published figure never reveals a small number, directly or by difference', async () => {
		const plan = await (
			await call(createPlan, admin, { id: 'tst' }, { title: 'Small numbers', period: '' })
		).json();
		// Chips as the editor stores them (y-prosemirror: an element per node, attributes per attr).
		await edit(plan.id, (doc) => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(
				0,
				['region', LA.A, LA.B].map((area) => {
					const chip = new Y.XmlElement('liveFigure');
					chip.setAttribute('area', area);
					chip.setAttribute('metric', 'childrenLookedAfter');
					chip.setAttribute('text', 'stale text');
					return chip;
				})
			);
			planParts(doc).body.push([paragraph]);
		});
		const { version } = await (await call(publish, admin, { id: 'tst', planId: plan.id }, {})).json();
		const published = await publishedVersions.find(test.db.sql, 'tst', plan.id, version);
		const byArea = Object.fromEntries((published?.figures ?? []).slice(-3).map((f) => [f.area, f]));
		// Beta looks after 4 children: withheld. Alpha (6) and the region (10) cannot both be shown, or 10 - 6 = 4.
		expect(byArea[LA.B]).toMatchObject({
			suppressed: true,
			value: null,
			text: 'Beta: fewer than 5 children looked after'
		});
		expect(byArea[LA.A].suppressed || byArea.region.suppressed).toBe(true);
		expect(published?.html).not.toMatch(/\b4 children looked after/);
		expect(published?.html).not.toContain('stale text');
	});

	it('freezes a map view into a static picture of public, suppressed figures', async () => {
		const plan = await (
			await call(createPlan, alpha, { id: 'tst' }, { title: 'With a map', period: '' })
		).json();
		// A map view as the editor stores it; placement lines asked for by a misbehaving client.
		await edit(plan.id, (doc) => {
			const map = new Y.XmlElement('mapView');
			map.setAttribute('layers', 'boundaries,homes,hotspots,placements');
			map.setAttribute('extent', 'region');
			map.setAttribute('caption', 'Homes across <the region>');
			planParts(doc).body.insert(1, [map]);
		});
		const { version } = await (await call(publish, admin, { id: 'tst', planId: plan.id }, {})).json();
		const html = (await publishedVersions.find(test.db.sql, 'tst', plan.id, version))?.html ?? '';
		// The figure and the table of its figures that follows it.
		const figure = /<figure class="map-figure"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
		expect(figure).toMatch(/<svg [^>]*role="img"/);
		expect(figure).toContain('<title id="map-view-1-title">Homes across &lt;the region&gt;</title>');
		// Alpha and Beta (members) and Gamma (a neighbour) are drawn; Delta, far south, is not.
		expect(figure.match(/<path /g)).toHaveLength(3);
		expect(figure).toContain('>Alpha</text>');
		// The three homes of the members (public Ofsted data), not Delta's.
		const picture = /<svg class="map-figure__image"[\s\S]*?<\/svg>/.exec(figure)?.[0] ?? '';
		expect(picture.match(/<circle /g)).toHaveLength(3);
		expect(figure).toContain('data-layers="boundaries,homes"');
		expect(figure).toContain('Demand hotspots are shown to signed-in members of Test RCC only');
		expect(figure).not.toMatch(/placement|hexagon/i);
		// Beta looks after 4 children: withheld in the table as in every published figure.
		const beta = /<th scope="row">Beta<\/th>(.*?)<\/tr>/.exec(figure)?.[1] ?? '';
		expect(beta).toMatch(/^<td>fewer than 5<\/td>/);
		expect(beta).not.toContain('<td>4</td>');
		// The published page is the stored HTML: frozen, whatever the data does next.
		await test.db.sql`update homes set places = 40 where urn = 'SC000001'`;
		expect((await publishedVersions.find(test.db.sql, 'tst', plan.id, version))?.html).toBe(html);
		await test.db.sql`update homes set places = 4 where urn = 'SC000001'`;
	});

	it('numbers concurrent publications without a clash', async () => {
		const planId = await mainPlanId();
		const results = await Promise.all(
			[1, 2, 3].map(() => call(publish, admin, { id: 'tst', planId }, {}).then((r) => r.json()))
		);
		expect(results.map((r) => r.version).sort()).toEqual([3, 4, 5]);
	});

	it('saves named snapshots of the stored state, lists and reads them back', async () => {
		const planId = await mainPlanId();
		const params = { id: 'tst', planId };
		expect((await call(saveSnapshot, viewer, params, { name: 'Draft' })).status).toBe(403);
		expect((await call(saveSnapshot, alpha, params, { name: '' })).status).toBe(400);
		const saved = await (await call(saveSnapshot, alpha, params, { name: 'Before the workshop' })).json();
		expect(saved).toMatchObject({ name: 'Before the workshop', createdByName: 'Alpha commissioner' });

		await edit(planId, (doc) => transact(doc, { kind: 'action.remove', id: 'a1' }));
		const later = await (await call(saveSnapshot, alpha, params, { name: 'After' })).json();
		const listed = await (await call(listSnapshots, viewer, params)).json();
		expect(listed.map((s: { name: string }) => s.name)).toEqual(['After', 'Before the workshop']);

		const before = await (await call(readSnapshot, viewer, { ...params, snapshotId: saved.id })).json();
		expect(before.actions.map((a: { id: string }) => a.id)).toEqual(['a1']);
		expect(before.lines).toContain('## Governance and review');
		const after = await (await call(readSnapshot, viewer, { ...params, snapshotId: later.id })).json();
		expect(after.actions).toEqual([]);
		expect((await call(readSnapshot, viewer, { ...params, snapshotId: '999999' })).status).toBe(404);
		expect((await call(readSnapshot, viewer, { ...params, snapshotId: 'x; drop' })).status).toBe(404);
	});
});
