import net from 'node:net';
import type { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisFanout } from '../../server/collab/fanout-redis';
import { backends, createTestDatabase, type TestDatabase } from './helpers/databases';
import {
	connectClient,
	prepareCollabDatabase,
	startCollabInstance,
	synced,
	waitFor,
	type CollabInstance
} from './helpers/collab';

const redisUrl = process.env.REDIS_URL;

// CI sets REDIS_URL: a missing one there is a broken setup, not a reason to test less.
if (process.env.CI === 'true' && !redisUrl) {
	throw new Error('CI=true but REDIS_URL is not set: the multi-instance collaboration suite cannot run');
}

/** A TCP relay in front of Redis that the test can cut and restore, as a network outage would. */
async function startRelay(
	target: URL
): Promise<{ url: string; cut(): void; restore(): Promise<void>; close(): Promise<void> }> {
	const sockets = new Set<net.Socket>();
	let server: net.Server;
	let port = 0;
	const listen = () =>
		new Promise<void>((resolve) => {
			server = net.createServer((client) => {
				const upstream = net.connect(Number(target.port || 6379), target.hostname);
				for (const socket of [client, upstream]) {
					sockets.add(socket);
					socket.on('error', () => {});
					socket.on('close', () => sockets.delete(socket));
				}
				client.pipe(upstream).pipe(client);
			});
			server.listen(port, '127.0.0.1', () => {
				port = (server.address() as net.AddressInfo).port;
				resolve();
			});
		});
	await listen();
	const stop = () => {
		server.close();
		for (const socket of sockets) socket.destroy();
	};
	return {
		url: `redis://127.0.0.1:${port}`,
		cut: stop,
		restore: listen,
		async close() {
			stop();
		}
	};
}

describe.runIf(redisUrl).each(backends)('two collaboration instances through Redis on %s', (backend) => {
	let test: TestDatabase;
	let relay: Awaited<ReturnType<typeof startRelay>>;
	let a: CollabInstance;
	let b: CollabInstance;
	const providers: WebsocketProvider[] = [];
	const client = (instance: CollabInstance, docName: string, person: string) => {
		const connected = connectClient(instance.url, docName, person);
		providers.push(connected.provider);
		return connected;
	};

	beforeAll(async () => {
		test = await createTestDatabase(backend);
		await prepareCollabDatabase(test.db);
		relay = await startRelay(new URL(redisUrl as string));
		// Each run on its own channels: parallel runs on the same Redis do not hear each other.
		const channelPrefix = `cth-test-${process.pid}-${Date.now()}:`;
		const fanout = (instanceId: string) =>
			createRedisFanout({ url: relay.url, instanceId, channelPrefix, log: () => {} });
		a = await startCollabInstance(test.db, { fanout: fanout('a') });
		b = await startCollabInstance(test.db, { fanout: fanout('b') });
		await waitFor(
			() => a.collab.status().fanout === 'up' && b.collab.status().fanout === 'up',
			10_000,
			'Redis'
		);
	});
	afterEach(() => {
		for (const provider of providers.splice(0)) provider.destroy();
	});
	afterAll(async () => {
		await a?.close();
		await b?.close();
		await relay?.close();
		await test?.drop();
	});

	it('clients of one document on different instances converge, presence included', async () => {
		const onA = client(a, 'plan:plan-1', 'editor');
		const onB = client(b, 'plan:plan-1', 'admin');
		await Promise.all([synced(onA.provider), synced(onB.provider)]);
		for (let i = 0; i < 30; i++) {
			onA.doc.getArray('items').push([`a${i}`]);
			onB.doc.getArray('items').push([`b${i}`]);
		}
		await waitFor(() => onA.doc.getArray('items').length === 60 && onB.doc.getArray('items').length === 60);
		expect(onA.doc.getArray('items').toJSON()).toEqual(onB.doc.getArray('items').toJSON());

		onA.provider.awareness.setLocalStateField('cursor', { x: 3 });
		await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor?.x === 3);
		expect(onB.provider.awareness.getStates().get(onA.doc.clientID)?.user?.name).toBe('Erin Editor');
	});

	it('keeps serving local clients while Redis is unreachable, reports it, and catches up when it returns', async () => {
		const onA = client(a, 'map:gm', 'editor');
		const onB = client(b, 'map:gm', 'admin');
		await Promise.all([synced(onA.provider), synced(onB.provider)]);

		relay.cut();
		await waitFor(
			() => a.collab.status().fanout === 'down' && b.collab.status().fanout === 'down',
			10_000,
			'down'
		);

		// Each instance still serves its own clients.
		const localOnA = client(a, 'map:gm', 'admin');
		await synced(localOnA.provider);
		onA.doc.getMap('notes').set('during-outage-a', 1);
		onB.doc.getMap('notes').set('during-outage-b', 2);
		await waitFor(() => localOnA.doc.getMap('notes').get('during-outage-a') === 1);
		expect(onA.doc.getMap('notes').get('during-outage-b')).toBeUndefined();

		await relay.restore();
		await waitFor(
			() => a.collab.status().fanout === 'up' && b.collab.status().fanout === 'up',
			15_000,
			'up again'
		);
		for (const { doc } of [onA, onB, localOnA]) {
			await waitFor(
				() =>
					doc.getMap('notes').get('during-outage-a') === 1 &&
					doc.getMap('notes').get('during-outage-b') === 2,
				10_000,
				'catch-up'
			);
		}
		// And live fan-out works again.
		onB.doc.getMap('notes').set('after', 3);
		await waitFor(() => onA.doc.getMap('notes').get('after') === 3);
	});
});
