import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type CollabConnection } from '../../src/lib/collab/connect';
import { CloseCode } from '../../src/lib/collab/protocol';
import { createAppCollabServer } from '../../server/collab/app-collab-server';
import { createRedisFanout } from '../../server/collab/fanout-redis';
import type { CollabServerOptions } from '../../server/collab/server';
import { readConfig } from '../../src/lib/server/config';
import { hashToken } from '../../src/lib/server/auth/sessions';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { insertFixture, LA } from './api-fixture';
import { addAccount, PASSWORD } from './helpers/accounts';
import { startAppServer, Session, type AppServer } from './helpers/app-server';
import {
	serveCollab,
	socketUntilClosed,
	upgradeStatus,
	waitFor,
	webSocketWithCookie,
	type CollabInstance
} from './helpers/collab';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';

/** The app's collaboration server (createAppCollabServer) checking open sockets every `sessionCheckMs`. */
function appCollab(
	db: TestDatabase['db'],
	sessionCheckMs: number,
	overrides: Partial<CollabServerOptions> = {}
): Promise<CollabInstance> {
	const config = readConfig({});
	const collab = createAppCollabServer(
		{ db, config: { ...config, collab: { ...config.collab, sessionCheckMs } } },
		{ fanout: null, unloadDelayMs: 0, log: () => {}, ...overrides }
	);
	return serveCollab(collab);
}

async function preparePlanDatabase(db: TestDatabase['db']): Promise<void> {
	await migrate(db, readMigrations(path.resolve('migrations')));
	await insertFixture(db.sql);
	await db.sql`insert into plans (id, rcc_id, title) values ('plan-t', 'tst', 'Strategy')`;
}

/**
 * Live collaboration with the app's own sign-in, no stand-in: sessions made by POST /api/auth/login,
 * checked by createAppCollabServer against the sessions table at the upgrade and while sockets are
 * open; sign-out, password changes and role changes made through the app's own pages and endpoints.
 */
describe.each(backends)('collaboration sessions with the real sign-in on %s', (backend) => {
	let test: TestDatabase;
	let app: AppServer;
	let admin: Session;
	/** Closes sockets only when told (session-events.ts): its periodic check is an hour away. */
	let told: CollabInstance;
	/** Closes sockets only at its periodic check (every 100 ms): it hears no session events. */
	let polling: CollabInstance;
	const connections: CollabConnection[] = [];
	const sockets: ReturnType<typeof socketUntilClosed>[] = [];
	const openSocket = (instance: CollabInstance, cookie: string | null) => {
		const socket = socketUntilClosed(`${instance.url}/${plan}`, cookie);
		sockets.push(socket);
		return socket;
	};
	const userIds = new Map<string, number>();
	const plan = 'plan:plan-t';

	async function signedIn(email: string): Promise<Session> {
		const session = new Session(app.origin);
		expect((await session.signIn(email, PASSWORD)).status).toBe(200);
		return session;
	}

	/** The browser client (connect.ts), with the session's cookie as it is at each connection. */
	function browserClient(instance: CollabInstance, session: Session): CollabConnection {
		const connection = connect({
			docName: plan,
			url: instance.url,
			WebSocketPolyfill: webSocketWithCookie(() => session.cookie) as unknown as typeof WebSocket,
			signedIn: async () => (await session.get('/api/me')).ok
		});
		connections.push(connection);
		return connection;
	}

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await preparePlanDatabase(test.db);
		const accounts: [
			string,
			{ rccId: string; role: 'viewer' | 'commissioner' | 'rcc_admin'; laCode?: string }
		][] = [
			['admin', { rccId: 'tst', role: 'rcc_admin' }],
			['editor', { rccId: 'tst', role: 'commissioner', laCode: LA.A }],
			['viewer', { rccId: 'tst', role: 'viewer' }],
			['outsider', { rccId: 'other', role: 'viewer' }],
			['leaver', { rccId: 'tst', role: 'viewer' }],
			['changer', { rccId: 'tst', role: 'commissioner', laCode: LA.B }],
			['revoked', { rccId: 'tst', role: 'viewer' }],
			['demoted', { rccId: 'tst', role: 'commissioner', laCode: LA.A }],
			['expiring', { rccId: 'tst', role: 'viewer' }],
			['disabling', { rccId: 'tst', role: 'viewer' }],
			['stale', { rccId: 'tst', role: 'viewer' }],
			['banned', { rccId: 'tst', role: 'viewer' }],
			['away', { rccId: 'tst', role: 'viewer' }]
		];
		for (const [name, role] of accounts) {
			userIds.set(name, await addAccount(test.db.sql, `${name}@test.local`, [role]));
		}
		app = await startAppServer(test.db);
		admin = await signedIn('admin@test.local');
		told = await appCollab(test.db, 3_600_000);
		polling = await appCollab(test.db, 100, { sessionsChanged: undefined });
	});
	afterEach(() => {
		for (const connection of connections.splice(0)) connection.destroy();
		for (const { socket } of sockets.splice(0)) socket.terminate();
	});
	afterAll(async () => {
		await told?.close();
		await polling?.close();
		await app?.close();
		await test?.drop();
	});

	it('refuses at the upgrade (401) unknown, expired, signed-out and disabled sessions; 403 without a role', async () => {
		const url = `${told.url}/${plan}`;
		expect(await upgradeStatus(url, null)).toBe(401);
		expect(await upgradeStatus(url, 'cth_session=not-a-session-anyone-has')).toBe(401);

		const stale = await signedIn('stale@test.local');
		expect(await upgradeStatus(url, stale.cookie)).toBe(101);
		await test.db.sql`update sessions set expires_at = now() - interval '1 second'
			where token_hash = ${hashToken(stale.token!)}`;
		expect(await upgradeStatus(url, stale.cookie)).toBe(401);

		const away = await signedIn('away@test.local');
		const cookie = away.cookie;
		expect((await away.postJson('/api/auth/logout', {})).status).toBe(200);
		expect(await upgradeStatus(url, cookie)).toBe(401);

		const banned = await signedIn('banned@test.local');
		expect(await upgradeStatus(url, banned.cookie)).toBe(101);
		await test.db.sql`update users set disabled = true where email = 'banned@test.local'`;
		expect(await upgradeStatus(url, banned.cookie)).toBe(401);

		expect(await upgradeStatus(url, (await signedIn('outsider@test.local')).cookie)).toBe(403);
		expect(await upgradeStatus(url, (await signedIn('viewer@test.local')).cookie)).toBe(101);
	});

	it('sign-out closes that session’s sockets at once (4401), and the client stops, not the person’s other sessions', async () => {
		const laptop = await signedIn('leaver@test.local');
		const phone = await signedIn('leaver@test.local');
		const onLaptop = browserClient(told, laptop);
		const onPhone = openSocket(told, phone.cookie);
		await onPhone.opened;
		await waitFor(() => onLaptop.state().synced, 10_000, 'the laptop to sync');

		expect((await laptop.postJson('/api/auth/logout', {})).status).toBe(200);
		await waitFor(() => onLaptop.state().status === 'closed', 10_000, 'the laptop’s socket to close');
		expect(onLaptop.state()).toMatchObject({ closedCode: CloseCode.sessionEnded, readOnly: true });
		expect(onLaptop.provider.shouldConnect).toBe(false);
		await waitFor(() => told.collab.status().connections === 1, 10_000, 'the phone’s socket alone');
		expect((await onPhone.opened).readyState).toBe(1);
	});

	it('a password change closes every socket of the account; this browser reconnects with its new session', async () => {
		const laptop = await signedIn('changer@test.local');
		const phone = await signedIn('changer@test.local');
		const onLaptop = browserClient(told, laptop);
		const onPhone = openSocket(told, phone.cookie);
		await onPhone.opened;
		await waitFor(() => onLaptop.state().synced, 10_000, 'the laptop to sync');
		const firstSocket = onLaptop.provider.ws;
		// Compiled on first use by the test server: the response must not take seconds here.
		expect((await laptop.get('/account')).status).toBe(200);

		const changed = await laptop.postForm('/account?/password', {
			current: PASSWORD,
			next: 'a brand new secret',
			again: 'a brand new secret'
		});
		expect(changed.status).toBe(200);
		expect(await onPhone.closed).toEqual({ code: CloseCode.sessionEnded, reason: 'session ended' });
		await waitFor(
			() => onLaptop.provider.ws !== firstSocket && onLaptop.state().synced,
			10_000,
			'the laptop to reconnect with its new session'
		);
		expect(onLaptop.state()).toMatchObject({ status: 'connected', readOnly: false, closedCode: null });
	});

	it('a removed role closes the socket (4403): the viewer stops receiving the plan', async () => {
		const editor = browserClient(told, await signedIn('editor@test.local'));
		const viewer = browserClient(told, await signedIn('revoked@test.local'));
		await waitFor(() => editor.state().synced && viewer.state().synced, 10_000, 'both to sync');
		editor.doc.getMap('sections').set('before', 'seen by the viewer');
		await waitFor(() => viewer.doc.getMap('sections').get('before') !== undefined);

		const revoked = await admin.postForm('/admin/tst?/revokeRole', {
			userId: String(userIds.get('revoked'))
		});
		expect(revoked.status).toBe(200);
		await waitFor(() => viewer.state().status === 'closed', 10_000, 'the viewer’s socket to close');
		expect(viewer.state()).toMatchObject({ closedCode: CloseCode.accessWithdrawn, readOnly: true });
		editor.doc.getMap('sections').set('after', 'not for the viewer any more');
		const state = new Y.Doc();
		await waitFor(() => {
			Y.applyUpdate(state, Y.encodeStateAsUpdate(editor.doc));
			return state.getMap('sections').get('after') !== undefined;
		});
		expect(viewer.doc.getMap('sections').get('after')).toBeUndefined();
		expect(viewer.provider.shouldConnect).toBe(false);
	});

	it('a commissioner made a viewer is closed (4000) and reconnects read-only: their edits go nowhere', async () => {
		const editor = browserClient(told, await signedIn('editor@test.local'));
		const demoted = browserClient(told, await signedIn('demoted@test.local'));
		await waitFor(() => editor.state().synced && demoted.state().synced, 10_000, 'both to sync');
		expect(demoted.state().readOnly).toBe(false);
		const firstSocket = demoted.provider.ws;
		const closes: number[] = [];
		firstSocket?.addEventListener('close', (event) => closes.push(event.code));

		const changed = await admin.postForm('/admin/tst?/changeRole', {
			userId: String(userIds.get('demoted')),
			role: 'viewer'
		});
		expect(changed.status).toBe(200);
		await waitFor(
			() => demoted.provider.ws !== firstSocket && demoted.state().synced,
			10_000,
			'the demoted commissioner to reconnect'
		);
		expect(closes).toEqual([CloseCode.accessChanged]);
		expect(demoted.state().readOnly).toBe(true);
		demoted.doc.getMap('sections').set('from-demoted', 'dropped');
		editor.doc.getMap('sections').set('from-editor', 'still spreads');
		await waitFor(() => demoted.doc.getMap('sections').get('from-editor') !== undefined);
		const stored = new Y.Doc();
		Y.applyUpdate(stored, await told.collab.currentState(plan));
		expect(stored.getMap('sections').get('from-demoted')).toBeUndefined();
		expect(editor.doc.getMap('sections').get('from-demoted')).toBeUndefined();
	});

	it('the periodic check closes sockets of sessions that expired or whose account was disabled (4401)', async () => {
		const expiring = await signedIn('expiring@test.local');
		const disabling = await signedIn('disabling@test.local');
		const viewer = await signedIn('viewer@test.local');
		const open = [expiring, disabling, viewer].map((session) => openSocket(polling, session.cookie));
		await Promise.all(open.map((socket) => socket.opened));

		await test.db.sql`update sessions set expires_at = now() - interval '1 second'
			where token_hash = ${hashToken(expiring.token!)}`;
		expect(await open[0].closed).toEqual({ code: CloseCode.sessionEnded, reason: 'session ended' });
		await test.db.sql`update users set disabled = true where email = 'disabling@test.local'`;
		expect(await open[1].closed).toEqual({ code: CloseCode.sessionEnded, reason: 'session ended' });
		await waitFor(() => polling.collab.status().connections === 1, 10_000, 'one socket to remain');
		expect((await open[2].opened).readyState).toBe(1);
	});
});

const redisUrl = process.env.REDIS_URL;

describe.runIf(redisUrl)('collaboration sessions across instances through Redis', () => {
	let test: TestDatabase;
	let app: AppServer;
	let here: CollabInstance;
	let elsewhere: CollabInstance;

	beforeAll(async () => {
		test = await createTestDatabase('embedded');
		await preparePlanDatabase(test.db);
		await addAccount(test.db.sql, 'roaming@test.local', [{ rccId: 'tst', role: 'viewer' }]);
		app = await startAppServer(test.db);
		const channelPrefix = `cth-test-sessions-${process.pid}-${Date.now()}:`;
		const instance = (id: string, overrides: Partial<CollabServerOptions>) =>
			appCollab(test.db, 3_600_000, {
				fanout: createRedisFanout({ url: redisUrl as string, instanceId: id, channelPrefix, log: () => {} }),
				...overrides
			});
		here = await instance('here', {});
		// Hears of sign-outs only from the other instance, through Redis.
		elsewhere = await instance('elsewhere', { sessionsChanged: undefined });
		await waitFor(() => here.collab.status().fanout === 'up' && elsewhere.collab.status().fanout === 'up');
	});
	afterAll(async () => {
		await here?.close();
		await elsewhere?.close();
		await app?.close();
		await test?.drop();
	});

	it('a sign-out on one instance closes the session’s sockets on another', async () => {
		const session = new Session(app.origin);
		expect((await session.signIn('roaming@test.local', PASSWORD)).status).toBe(200);
		const socket = socketUntilClosed(`${elsewhere.url}/plan:plan-t`, session.cookie);
		await socket.opened;
		expect((await session.postJson('/api/auth/logout', {})).status).toBe(200);
		expect(await socket.closed).toEqual({ code: CloseCode.sessionEnded, reason: 'session ended' });
	});
});
