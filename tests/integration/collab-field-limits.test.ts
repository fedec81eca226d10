import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type CollabConnection } from '../../src/lib/collab/connect';
import { CloseCode, MessageTag, SyncType } from '../../src/lib/collab/protocol';
import { readActionRows, readCommentThreads } from '../../src/lib/plan/schema';
import { transact } from '../../src/lib/plan/transact';
import { createPostgresPersistence } from '../../server/collab/postgres-persistence';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import {
	connectClient,
	prepareCollabDatabase,
	socketUntilClosed,
	startCollabInstance,
	synced,
	waitFor,
	webSocketWithCookie,
	type CollabInstance
} from './helpers/collab';

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageTag.sync);
	encoding.writeVarUint(encoder, type);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** What a hand-made client sends: the change made to a document of its own, past transact()'s checks. */
function updateOf(change: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	change(doc);
	return Y.encodeStateAsUpdate(doc);
}

const actionCell = (field: string, value: string) =>
	updateOf((doc) => {
		const row = new Y.Map<unknown>();
		doc.getArray('actions').push([row]);
		row.set('id', 'row-1');
		row.set(field, value);
	});

/** Waits until `condition` (asynchronous, unlike waitFor's) holds. */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
	let met = false;
	const check = () => {
		void condition().then((value) => (met = value));
		return met;
	};
	await waitFor(check, 10_000, what);
}

/** Resolves once the server answered a sync step 1 sent now: what was sent before has been handled. */
function roundTrip(socket: WebSocket): Promise<void> {
	return new Promise((resolve) => {
		const onMessage = (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
			if (decoding.readVarUint(decoder) !== SyncType.step2) return;
			socket.off('message', onMessage);
			resolve();
		};
		socket.on('message', onMessage);
		socket.send(syncFrame(SyncType.step1, Y.encodeStateVector(new Y.Doc())));
	});
}

/**
 * The plan's field limits held by the collaboration server (plan-value-limits.ts): an update writing a
 * comment or an action cell past 2,000 characters is refused (4422) and never applied, stored or relayed,
 * whatever client sent it; honest editors, whose changes go through transact(), never meet the limit.
 */
describe.each(backends)('plan field limits at the collaboration server on %s', (backend) => {
	let test: TestDatabase;
	let instance: CollabInstance;
	const logged: string[] = [];
	const sockets: WebSocket[] = [];
	const providers: WebsocketProvider[] = [];
	const connections: CollabConnection[] = [];

	const raw = (docName: string, person: string) => {
		const opened = socketUntilClosed(`${instance.url}/${docName}`, `session=${person}`);
		sockets.push(opened.socket);
		return opened;
	};
	const stored = async (docName: string) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await instance.collab.currentState(docName));
		return doc;
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
		await test.db
			.sql`insert into plans (id, rcc_id, title) values ('plan-2', 'gm', 'Older strategy'), ('plan-3', 'gm', 'Third')`;
		// A value over the limit stored before the server held them (a legacy document).
		const persistence = createPostgresPersistence(test.db.sql);
		persistence.append('plan:plan-2', actionCell('action', 'L'.repeat(5000)));
		await persistence.close();
		instance = await startCollabInstance(test.db, { log: (message) => logged.push(message) });
	});
	afterEach(() => {
		for (const provider of providers.splice(0)) provider.destroy();
		for (const connection of connections.splice(0)) connection.destroy();
		for (const socket of sockets.splice(0)) socket.terminate();
	});
	afterAll(async () => {
		await instance?.close();
		await test?.drop();
	});

	it('refuses a 1 MB comment from a stock y-websocket client (4422): not applied, relayed or stored, and logged', async () => {
		const reader = connectClient(instance.url, 'plan:plan-1', 'admin');
		const hostile = connectClient(instance.url, 'plan:plan-1', 'editor');
		providers.push(reader.provider, hostile.provider);
		await Promise.all([synced(reader.provider), synced(hostile.provider)]);
		const closed = new Promise<number>((resolve) =>
			hostile.provider.on('connection-close', (event) => resolve(event?.code ?? 0))
		);

		// One transaction, one update: the thread and its reply are refused together.
		hostile.doc.transact(() => {
			const thread = new Y.Map<unknown>();
			const replies = new Y.Array<unknown>();
			thread.set('replies', replies);
			hostile.doc.getMap('comments').set('t-huge', thread);
			replies.push([{ id: 'r1', author: 'Erin Editor', text: 'x'.repeat(1_000_000), mentions: [] }]);
		});

		expect(await closed).toBe(CloseCode.fieldTooLong);
		hostile.provider.destroy();
		expect(logged).toContain(
			'Refused an update to plan:plan-1 from user 1: a list entry holds a string of 1000000 characters (at most 2000)'
		);
		// The reader is still served, and never got the thread.
		reader.doc.getMap('after').set('reader', 'still here');
		await eventually(
			async () => (await stored('plan:plan-1')).getMap('after').get('reader') === 'still here',
			'the reader’s edit'
		);
		expect(reader.doc.getMap('comments').size).toBe(0);
		expect((await stored('plan:plan-1')).getMap('comments').has('t-huge')).toBe(false);
	});

	it('refuses an action cell of 2,001 characters in an update or a sync step 2; earlier edits stay', async () => {
		for (const type of [SyncType.update, SyncType.step2]) {
			const attacker = raw('plan:plan-3', 'editor');
			const socket = await attacker.opened;
			socket.send(
				syncFrame(
					type,
					updateOf((doc) => doc.getMap('meta').set(`before-${type}`, true))
				)
			);
			socket.send(syncFrame(type, actionCell('lead', 'l'.repeat(2001))));
			expect(await attacker.closed).toEqual({ code: CloseCode.fieldTooLong, reason: 'field too long' });
		}
		const doc = await stored('plan:plan-3');
		expect(doc.getMap('meta').get(`before-${SyncType.update}`)).toBe(true);
		expect(doc.getMap('meta').get(`before-${SyncType.step2}`)).toBe(true);
		expect(doc.getArray('actions').length).toBe(0);
	});

	it('takes an honest editor’s longest comment and cell (2,000 characters), and long rich text', async () => {
		const editor = connect({
			docName: 'plan:plan-1',
			url: instance.url,
			WebSocketPolyfill: webSocketWithCookie('session=editor') as unknown as typeof globalThis.WebSocket
		});
		connections.push(editor);
		await waitFor(() => editor.state().synced, 10_000, 'the editor to sync');
		const row = {
			id: 'row-honest',
			action: 'a'.repeat(2000),
			ownerLa: 'E08000003',
			lead: 'l'.repeat(2000),
			dueDate: '2027-03-31',
			status: 'amber' as const,
			linkedGap: '',
			link: null
		};
		transact(editor.doc, { kind: 'action.add', row });
		transact(editor.doc, {
			kind: 'comment.open',
			thread: {
				id: 't-honest',
				anchorStart: '',
				anchorEnd: '',
				quote: 'q'.repeat(280),
				resolved: false,
				replies: [
					{
						id: 'r1',
						author: 'Erin Editor',
						authorLa: 'E08000003',
						text: 'c'.repeat(2000),
						at: '2026-12-04T12:00:00Z',
						mentions: []
					}
				]
			}
		});
		const paragraph = new Y.XmlText();
		editor.doc.getXmlFragment('body').insert(0, [paragraph]);
		paragraph.insert(0, 'p'.repeat(50_000));

		await eventually(
			async () => (await stored('plan:plan-1')).getXmlFragment('body').length === 1,
			'the body'
		);
		const doc = await stored('plan:plan-1');
		expect(readActionRows(doc).find((r) => r.id === 'row-honest')).toEqual(row);
		expect(readCommentThreads(doc).find((t) => t.id === 't-honest')?.replies[0].text).toHaveLength(2000);
		expect(editor.state().status).not.toBe('closed');
	});

	it('does not refuse a value the document held before the limits, sent back by a reconnecting client', async () => {
		const returning = raw('plan:plan-2', 'editor');
		const socket = await returning.opened;
		const legacy = Y.encodeStateAsUpdate(await stored('plan:plan-2'));
		socket.send(syncFrame(SyncType.step2, legacy));
		// Sent together with something new and within the limits.
		const merged = Y.mergeUpdates([legacy, updateOf((doc) => doc.getMap('meta').set('back', true))]);
		socket.send(syncFrame(SyncType.step2, merged));
		await roundTrip(socket);
		expect(socket.readyState).toBe(socket.OPEN);
		expect((await stored('plan:plan-2')).getMap('meta').get('back')).toBe(true);
		// But not with something new over the limit.
		socket.send(syncFrame(SyncType.step2, Y.mergeUpdates([legacy, actionCell('action', 'n'.repeat(2001))])));
		expect(await returning.closed).toEqual({ code: CloseCode.fieldTooLong, reason: 'field too long' });
	});

	it('holds only plans to these limits: the shared map document’s drawings may be larger', async () => {
		const mapper = raw('map:gm', 'editor');
		const socket = await mapper.opened;
		const shape = Array.from({ length: 5000 }, (_, i) => [i / 10, 53 + i / 1e4]);
		socket.send(
			syncFrame(
				SyncType.update,
				updateOf((doc) => doc.getMap('drawings').set('d1', shape))
			)
		);
		await roundTrip(socket);
		expect(socket.readyState).toBe(socket.OPEN);
		expect((await stored('map:gm')).getMap('drawings').get('d1')).toEqual(shape);
	});
});
