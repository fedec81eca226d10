/**
 * Wraps an async call so that at most one runs and one waits: a newer call replaces the waiting one,
 * whose promise resolves to null (stale). Dragging a proposed home fires many what-ifs; only the latest
 * matters, and the server never sees more than one at a time from this page.
 */
export function latestOnly<A, R>(run: (argument: A) => Promise<R>): (argument: A) => Promise<R | null> {
	let running = false;
	let waiting: { argument: A; resolve: (value: R | null) => void; reject: (error: unknown) => void } | null =
		null;
	const start = (argument: A): Promise<R> => {
		running = true;
		const call = run(argument);
		const done = () => {
			running = false;
			const next = waiting;
			waiting = null;
			if (next) start(next.argument).then(next.resolve, next.reject);
		};
		call.then(done, done);
		return call;
	};
	return (argument) => {
		if (!running) return start(argument);
		waiting?.resolve(null);
		return new Promise((resolve, reject) => {
			waiting = { argument, resolve, reject };
		});
	};
}
