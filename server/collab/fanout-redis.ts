import { Redis } from 'ioredis';
import {
	decodeFanoutMessage,
	encodeFanoutMessage,
	type Fanout,
	type FanoutMessage,
	type FanoutStatus
} from './fanout';

export interface RedisFanoutOptions {
	url: string;
	/** Identifies this instance on the bus, so that it ignores its own messages. */
	instanceId: string;
	/** Channel name prefix; tests give each run its own. */
	channelPrefix?: string;
	log?: (message: string) => void;
}

/**
 * Fan-out through Redis pub/sub: one channel per document. Both connections have the offline queue off:
 * while Redis is unreachable a publish fails at once (the message is dropped, local clients are still
 * served) instead of piling up; when Redis comes back, subscriptions are restored and `onReconnect`
 * listeners catch up the documents (see rooms.ts).
 */
export function createRedisFanout(options: RedisFanoutOptions): Fanout {
	const prefix = options.channelPrefix ?? 'close-to-home:collab:';
	const log = options.log ?? ((message: string) => console.log(`[collab] ${message}`));
	const redisOptions = {
		enableOfflineQueue: false,
		autoResubscribe: false,
		maxRetriesPerRequest: 1,
		connectTimeout: 2000,
		retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000)
	};
	const publisher = new Redis(options.url, redisOptions);
	const subscriber = new Redis(options.url, redisOptions);
	const receivers = new Map<string, (message: FanoutMessage) => void>();
	const reconnectListeners: (() => void)[] = [];
	const sessionListeners: ((userId: string) => void)[] = [];
	// Not a document's channel: document names always hold a colon after their kind.
	const sessionsChannel = `${prefix}sessions`;
	let reportedDown = false;
	let closed = false;

	const onError = (error: Error) => {
		if (reportedDown || closed) return;
		reportedDown = true;
		log(`Redis unreachable (${error.message}): serving this instance's clients only until it is back`);
	};
	publisher.on('error', onError);
	subscriber.on('error', onError);

	subscriber.on('ready', () => {
		const channels = [sessionsChannel, ...[...receivers.keys()].map((name) => prefix + name)];
		const restored = subscriber.subscribe(...channels);
		restored.then(
			() => {
				if (reportedDown) log('Redis is back: catching up open documents');
				reportedDown = false;
				for (const listener of reconnectListeners) listener();
			},
			(error: Error) => onError(error)
		);
	});

	subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
		if (channel.toString('utf8') === sessionsChannel) {
			const [sender, userId] = payload.toString('utf8').split('\n');
			if (sender === options.instanceId || !userId) return;
			for (const listener of sessionListeners) listener(userId);
			return;
		}
		const name = channel.toString('utf8').slice(prefix.length);
		const receive = receivers.get(name);
		if (!receive) return;
		const decoded = decodeFanoutMessage(
			new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)
		);
		if (!decoded || decoded.sender === options.instanceId) return;
		receive(decoded.message);
	});

	return {
		async join(name, receive) {
			receivers.set(name, receive);
			// While Redis is down the 'ready' handler subscribes later; the document is served locally meanwhile.
			if (subscriber.status === 'ready') await subscriber.subscribe(prefix + name).catch(onError);
		},
		async leave(name) {
			receivers.delete(name);
			if (subscriber.status === 'ready') await subscriber.unsubscribe(prefix + name).catch(onError);
		},
		publish(name, message) {
			if (publisher.status !== 'ready') return;
			const bytes = encodeFanoutMessage(options.instanceId, message);
			publisher
				.publish(prefix + name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
				.catch(onError);
		},
		publishSessionsChanged(userId) {
			if (publisher.status !== 'ready') return;
			publisher.publish(sessionsChannel, `${options.instanceId}\n${userId}`).catch(onError);
		},
		onSessionsChanged(listener) {
			sessionListeners.push(listener);
		},
		onReconnect(listener) {
			reconnectListeners.push(listener);
		},
		status(): FanoutStatus {
			return publisher.status === 'ready' && subscriber.status === 'ready' ? 'up' : 'down';
		},
		async close() {
			closed = true;
			receivers.clear();
			await Promise.allSettled([publisher.quit(), subscriber.quit()]);
			publisher.disconnect();
			subscriber.disconnect();
		}
	};
}
