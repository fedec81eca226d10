import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type CollabConnection } from '../../src/lib/collab/connect';
import { createPresence } from '../../src/lib/collab/presence';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import {
	prepareCollabDatabase,
	startCollabInstance,
	waitFor,
	webSocketWithCookie,
	type CollabInstance
} from './helpers/collab';

describe.each(backends)(
	'the browser client (connect.ts, presence.ts) against the server on %s',
	(backend) => {
		let test: TestDatabase;
		let instance: CollabInstance;
		const connections: CollabConnection[] = [];
		const open = (docName: string, person: string, random?: () => number) => {
			const connection = connect({
				docName,
				url: instance.url,
				WebSocketPolyfill: webSocketWithCookie(`session=${person}`) as unknown as typeof WebSocket,
				random
			});
			connections.push(connection);
			return connection;
		};

		beforeAll(async () => {
			test = await createTestDatabase(backend);
			await prepareCollabDatabase(test.db);
			instance = await startCollabInstance(test.db);
		});
		afterAll(async () => {
			for (const connection of connections) connection.destroy();
			await instance?.close();
			await test?.drop();
		});

		it('reports connection state and read-only access', async () => {
			const editor = open('plan:plan-1', 'editor');
			const viewer = open('plan:plan-1', 'viewer');
			await waitFor(() => editor.state().synced && viewer.state().synced);
			expect(editor.state()).toMatchObject({ status: 'connected', readOnly: false });
			expect(viewer.state()).toMatchObject({ status: 'connected', readOnly: true });
		});

		it('reconnects with jitter after a restart and sends what was edited offline', async () => {
			let draws = 0;
			const random = () => {
				draws++;
				return Math.random();
			};
			const a = open('map:gm', 'editor', random);
			const b = open('map:gm', 'admin');
			await waitFor(() => a.state().synced && b.state().synced);
			const presence = createPresence(a.provider.awareness, {
				user: { name: 'A', la: null, color: '#0072B2' }
			});

			const port = instance.port;
			await instance.close();
			await waitFor(() => a.state().status !== 'connected' && b.state().status !== 'connected');
			a.doc.getMap('annotations').set('offline-note', 'written while the server was down');
			presence.setCursor({ lon: -2.3, lat: 53.5 });

			instance = await startCollabInstance(test.db, { port });
			await waitFor(
				() => b.doc.getMap('annotations').get('offline-note') !== undefined,
				15_000,
				'the offline edit'
			);
			expect(draws).toBeGreaterThan(0); // reconnection was scheduled by connect.ts, not the stock backoff
			await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.lon === -2.3);
			presence.destroy();
		});
	}
);
