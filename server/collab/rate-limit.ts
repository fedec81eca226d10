/**
 * A token bucket per connection: `ratePerSecond` tokens flow in, up to `burst`; a message costs one
 * token of the message bucket and its length of the byte bucket. A client over either limit is cut off
 * (it reconnects after y-websocket's backoff), so a flood costs the server one close, not a queue.
 */
export interface RateLimits {
	messagesPerSecond: number;
	messagesBurst: number;
	bytesPerSecond: number;
	bytesBurst: number;
}

export const defaultRateLimits: RateLimits = {
	// Editors send at most a few updates a second and presence at <= 5 Hz; 100/s with a burst of 300
	// leaves room for a reconnect (sync step 1, step 2, awareness) and a fast typist.
	messagesPerSecond: 100,
	messagesBurst: 300,
	bytesPerSecond: 1024 * 1024,
	bytesBurst: 8 * 1024 * 1024
};

export interface RateLimiter {
	/** Takes one message of `bytes` bytes; false when the connection is over its limit. */
	take(bytes: number): boolean;
}

export function createRateLimiter(
	limits: RateLimits,
	now: () => number = performance.now.bind(performance)
): RateLimiter {
	let messages = limits.messagesBurst;
	let bytesLeft = limits.bytesBurst;
	let last = now();
	return {
		take(bytes) {
			const time = now();
			const seconds = Math.max(0, time - last) / 1000;
			last = time;
			messages = Math.min(limits.messagesBurst, messages + seconds * limits.messagesPerSecond);
			bytesLeft = Math.min(limits.bytesBurst, bytesLeft + seconds * limits.bytesPerSecond);
			if (messages < 1 || bytesLeft < bytes) return false;
			messages -= 1;
			bytesLeft -= bytes;
			return true;
		}
	};
}
