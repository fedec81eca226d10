import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { presenceColour } from '../../src/lib/collab/presence';
import { READ_ONLY_REASON } from '../../src/lib/collab/protocol';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import {
	connectClient,
	prepareCollabDatabase,
	startCollabInstance,
	synced,
	upgradeStatus,
	waitFor,
	type CollabInstance
} from './helpers/collab';

describe.each(backends)('collaboration server on %s', (backend) => {
	let test: TestDatabase;
	let instance: CollabInstance;
	const providers: WebsocketProvider[] = [];

	const client = (docName: string, person: string | null, doc?: Y.Doc) => {
		const connected = connectClient(instance.url, docName, person, doc);
		providers.push(connected.provider);
		return connected;
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
		instance = await startCollabInstance(test.db, {
			limits: { maxMessageBytes: 64 * 1024, maxDocumentBytes: 64 * 1024 }
		});
	});
	afterEach(() => {
		for (const provider of providers.splice(0)) provider.destroy();
	});
	afterAll(async () => {
		await instance?.close();
		await test?.drop();
	});

	it('refuses before the upgrade: 401 without a session, 403 without a right, 404 for unknown names', async () => {
		const url = (name: string) => `${instance.url}/${name}`;
		expect(await upgradeStatus(url('plan:plan-1'), null)).toBe(401);
		expect(await upgradeStatus(url('plan:plan-1'), 'session=nobody')).toBe(401);
		expect(await upgradeStatus(url('plan:plan-1'), 'session=outsider')).toBe(403);
		expect(await upgradeStatus(url('map:gm'), 'session=outsider')).toBe(403);
		expect(await upgradeStatus(url('map:se'), 'session=outsider')).toBe(101);
		expect(await upgradeStatus(url('plan:no-such-plan'), 'session=editor')).toBe(404);
		expect(await upgradeStatus(url('map:no-such-rcc'), 'session=editor')).toBe(404);
		expect(await upgradeStatus(url('nonsense'), 'session=editor')).toBe(404);
		expect(await upgradeStatus(url('plan:..%2F..%2Fetc'), 'session=editor')).toBe(404);
		expect(await upgradeStatus(url('plan:%E0%A4%A'), 'session=editor')).toBe(404);
		expect(await upgradeStatus(url('plan:plan-1'), 'session=viewer')).toBe(101);
	});

	it('refuses a page on another site riding on the cookie (403), accepts the same site', async () => {
		const host = new URL(instance.url).host;
		const name = `${instance.url}/map:gm`;
		expect(await upgradeStatus(name, 'session=editor', { origin: 'https://evil.example' })).toBe(403);
		expect(
			await upgradeStatus(name, 'session=editor', {
				origin: `http://${host}`,
				'sec-fetch-site': 'cross-site'
			})
		).toBe(403);
		// Another site under the same registrable domain (a sibling subdomain) is not this site.
		expect(
			await upgradeStatus(name, 'session=editor', {
				origin: `http://${host}`,
				'sec-fetch-site': 'same-site'
			})
		).toBe(403);
		expect(
			await upgradeStatus(name, 'session=editor', {
				origin: `http://${host}`,
				'sec-fetch-site': 'same-origin'
			})
		).toBe(101);
	});

	it('concurrent edits from several clients converge', async () => {
		const clients = [client('map:gm', 'editor'), client('map:gm', 'admin'), client('map:gm', 'editor')];
		await Promise.all(clients.map((c) => synced(c.provider)));
		await Promise.all(
			clients.map(async ({ doc }, index) => {
				for (let i = 0; i < 40; i++) {
					doc.getArray<string>('notes').push([`${index}-${i}`]);
					doc.getText('text').insert(0, String(index));
					if (i % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
				}
			})
		);
		// Each client's last text insert may still be on its way when the notes are all there.
		await waitFor(
			() =>
				clients.every(
					({ doc }) => doc.getArray('notes').length === 120 && doc.getText('text').length === 120
				),
			10_000,
			'every edit on every client'
		);
		const [first, ...others] = clients.map(({ doc }) => Y.encodeStateVector(doc));
		for (const other of others) expect(other).toEqual(first);
		const texts = clients.map(({ doc }) => doc.getText('text').toString());
		expect(new Set(texts).size).toBe(1);
		expect(texts[0]).toHaveLength(120);
	});

	it('restores a document after every client left and after a server restart', async () => {
		const first = client('plan:plan-1', 'editor');
		await synced(first.provider);
		first.doc.getMap('sections').set('vision', 'Children live close to home');
		first.doc.getText('body').insert(0, 'Regional sufficiency strategy');
		await waitFor(() => instance.collab.status().rooms === 1);
		first.provider.destroy();
		await waitFor(() => instance.collab.status().rooms === 0, 10_000, 'the room to unload');

		const second = client('plan:plan-1', 'admin');
		await synced(second.provider);
		expect(second.doc.getMap('sections').get('vision')).toBe('Children live close to home');
		second.provider.destroy();
		await waitFor(() => instance.collab.status().rooms === 0, 10_000, 'the room to unload');
		const rows = await test.db.sql`select count(*)::int as n from collab_updates where doc = 'plan:plan-1'`;
		expect(rows[0].n).toBe(1); // compacted on unload

		const restarted = await startCollabInstance(test.db);
		try {
			const third = connectClient(restarted.url, 'plan:plan-1', 'viewer');
			providers.push(third.provider);
			await synced(third.provider);
			expect(third.doc.getText('body').toString()).toBe('Regional sufficiency strategy');
		} finally {
			await restarted.close();
		}
	});

	it('keeps viewers read-only: told so, their edits dropped', async () => {
		const editor = client('plan:plan-1', 'editor');
		const viewerDoc = new Y.Doc();
		viewerDoc.getMap('sections').set('offline', 'written before connecting');
		const viewer = client('plan:plan-1', 'viewer', viewerDoc);
		const reasons: string[] = [];
		viewer.provider.messageHandlers[2] = (_encoder, decoder) => {
			decoder.pos += 1; // permission-denied type
			const length = decoder.arr[decoder.pos++];
			reasons.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
			decoder.pos += length;
		};
		await Promise.all([synced(editor.provider), synced(viewer.provider)]);
		expect(reasons).toEqual([READ_ONLY_REASON]);

		editor.doc.getMap('sections').set('from-editor', 'yes');
		viewer.doc.getMap('sections').set('from-viewer', 'should not spread');
		await waitFor(() => viewer.doc.getMap('sections').get('from-editor') === 'yes');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(editor.doc.getMap('sections').get('from-viewer')).toBeUndefined();
		expect(editor.doc.getMap('sections').get('offline')).toBeUndefined();
		const state = new Y.Doc();
		Y.applyUpdate(state, await instance.collab.currentState('plan:plan-1'));
		expect(state.getMap('sections').get('from-viewer')).toBeUndefined();
		expect(state.getMap('sections').get('from-editor')).toBe('yes');
	});

	it('carries presence with the session identity', async () => {
		const a = client('map:gm', 'editor');
		const b = client('map:gm', 'viewer');
		await Promise.all([synced(a.provider), synced(b.provider)]);
		a.provider.awareness.setLocalStateField('user', {
			name: 'Pretending',
			la: 'E00000000',
			color: '#009e73'
		});
		a.provider.awareness.setLocalStateField('cursor', { lon: -2.24, lat: 53.48 });
		await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor !== undefined);
		expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({
			user: {
				id: 1,
				name: 'Erin Editor',
				la: 'E08000003',
				laCode: 'E08000003',
				laName: null,
				colour: presenceColour('E08000003'),
				admin: false,
				color: '#009e73'
			},
			cursor: { lon: -2.24, lat: 53.48 }
		});
		a.provider.destroy();
		await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'presence to leave');
	});

	it('stamps people without an LA (an administrator, a viewer) with none: they cannot claim a name or an LA', async () => {
		const admin = client('map:gm', 'admin');
		const viewer = client('map:gm', 'viewer');
		const observer = client('map:gm', 'editor');
		await Promise.all([admin, viewer, observer].map((c) => synced(c.provider)));
		for (const { provider } of [admin, viewer]) {
			provider.awareness.setLocalStateField('user', {
				name: 'Commissioner of Manchester',
				la: 'E08000003',
				laName: 'Manchester',
				color: '#cc79a7'
			});
		}
		const seen = (id: number) => observer.provider.awareness.getStates().get(id)?.user;
		await waitFor(
			() => seen(admin.doc.clientID)?.color === '#cc79a7' && seen(viewer.doc.clientID)?.color === '#cc79a7'
		);
		expect(seen(admin.doc.clientID)).toEqual({
			id: 2,
			name: 'Ada Admin',
			la: null,
			laCode: null,
			laName: null,
			colour: presenceColour(2),
			admin: true,
			color: '#cc79a7'
		});
		expect(seen(viewer.doc.clientID)).toEqual({
			id: 3,
			name: 'Vic Viewer',
			la: null,
			laCode: null,
			laName: null,
			colour: presenceColour(3),
			admin: false,
			color: '#cc79a7'
		});
	});

	it('on the map, only a facilitator presents: the administrator, or whoever they hand it to', async () => {
		const admin = client('map:gm', 'admin');
		const editor = client('map:gm', 'editor');
		const viewer = client('map:gm', 'viewer');
		await Promise.all([admin, editor, viewer].map((c) => synced(c.provider)));
		const fields = (presenting: boolean, cursor: [number, number]) => ({
			cursor,
			view: null,
			following: null,
			presenting
		});
		const seenBy = (observer: typeof admin, from: typeof admin) =>
			observer.provider.awareness.getStates().get(from.doc.clientID) as
				| {
						map?: { presenting: boolean; cursor: [number, number] };
						handOff?: unknown;
						user: { admin: boolean };
				  }
				| undefined;
		const arrived = (observer: typeof admin, from: typeof admin, lng: number) =>
			waitFor(() => seenBy(observer, from)?.map?.cursor[0] === lng, 5000, `cursor ${lng}`);

		// A commissioner claims to present and to hand facilitation on: neither holds.
		editor.provider.awareness.setLocalState({
			user: {},
			map: fields(true, [-2.1, 53.4]),
			handOff: { to: 1 }
		});
		await arrived(viewer, editor, -2.1);
		expect(seenBy(viewer, editor)?.map?.presenting).toBe(false);
		expect(seenBy(viewer, editor)?.handOff).toBeNull();

		// The administrator presents, then hands facilitation to the commissioner, who may then present.
		admin.provider.awareness.setLocalState({ user: {}, map: fields(true, [-2.2, 53.4]), handOff: null });
		await arrived(viewer, admin, -2.2);
		expect(seenBy(viewer, admin)?.map?.presenting).toBe(true);
		expect(seenBy(viewer, admin)?.user.admin).toBe(true);
		admin.provider.awareness.setLocalState({
			user: {},
			map: fields(false, [-2.3, 53.4]),
			handOff: { to: 1 }
		});
		await arrived(editor, admin, -2.3);
		editor.provider.awareness.setLocalState({ user: {}, map: fields(true, [-2.4, 53.4]), handOff: null });
		await arrived(viewer, editor, -2.4);
		expect(seenBy(viewer, editor)?.map?.presenting).toBe(true);

		// Nobody else gained it with the hand-off.
		viewer.provider.awareness.setLocalState({ user: {}, map: fields(true, [-2.5, 53.4]), handOff: null });
		await arrived(editor, viewer, -2.5);
		expect(seenBy(editor, viewer)?.map?.presenting).toBe(false);

		// Taken back: the commissioner's next claim no longer holds.
		admin.provider.awareness.setLocalState({ user: {}, map: fields(false, [-2.6, 53.4]), handOff: null });
		await arrived(editor, admin, -2.6);
		editor.provider.awareness.setLocalState({ user: {}, map: fields(true, [-2.7, 53.4]), handOff: null });
		await arrived(viewer, editor, -2.7);
		expect(seenBy(viewer, editor)?.map?.presenting).toBe(false);
	});

	it('closes only the connection that sends malformed, text, oversize or too many frames', async () => {
		const bystander = client('map:gm', 'editor');
		await synced(bystander.provider);
		const closeCode = (send: (socket: WebSocket) => void) =>
			new Promise<number>((resolve, reject) => {
				const socket = new WebSocket(`${instance.url}/map:gm`, { headers: { cookie: 'session=editor' } });
				socket.on('open', () => send(socket));
				socket.on('close', (code) => resolve(code));
				socket.on('error', (error) => {
					if (!/closed before|Invalid WebSocket frame|EPIPE|ECONNRESET/.test(error.message)) reject(error);
				});
			});
		expect(await closeCode((socket) => socket.send(new Uint8Array([99, 1, 2])))).toBe(1007); // unknown tag
		expect(await closeCode((socket) => socket.send(new Uint8Array([0, 2, 200, 1, 5])))).toBe(1007); // truncated update
		expect(await closeCode((socket) => socket.send(new Uint8Array([0, 1, 4, 1, 2, 3, 4])))).toBe(1007); // not a Yjs update
		expect(await closeCode((socket) => socket.send(new Uint8Array([1, 3, 1, 1, 1])))).toBe(1007); // awareness cut short
		expect(await closeCode((socket) => socket.send(new Uint8Array([])))).toBe(1007); // empty frame
		expect(await closeCode((socket) => socket.send('hello'))).toBe(1003);
		expect(await closeCode((socket) => socket.send(new Uint8Array(65 * 1024)))).toBe(1009);
		expect(
			await closeCode((socket) => {
				const awarenessQuery = new Uint8Array([3]);
				for (let i = 0; i < 400; i++) socket.send(awarenessQuery);
			})
		).toBe(1008);

		bystander.doc.getArray('still').push(['alive']);
		const check = client('map:gm', 'admin');
		await synced(check.provider);
		await waitFor(() => check.doc.getArray('still').length === 1);
		expect(instance.collab.status().connections).toBe(2);
	});
});
