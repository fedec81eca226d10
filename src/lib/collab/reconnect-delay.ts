/**
 * How long to wait before reconnecting attempt `attempt` (0 first): exponential backoff with "equal
 * jitter" (half fixed, half random). y-websocket's own backoff has no jitter, so after a server restart
 * every client came back in the same few hundred milliseconds (NOTES.md: 400 of 1,000 in one 250 ms
 * window); spreading them keeps a restarting instance from being flattened.
 */
export function reconnectDelayMs(
	attempt: number,
	options: { baseMs?: number; maxMs?: number; random?: () => number } = {}
): number {
	const baseMs = options.baseMs ?? 250;
	const maxMs = options.maxMs ?? 10_000;
	const random = options.random ?? Math.random;
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
	return ceiling / 2 + random() * (ceiling / 2);
}
