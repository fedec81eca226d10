import {
	PROTOCOL_VERSION,
	type AnalysisOperations,
	type AnalysisMessage,
	type AnalysisRequest,
	type MessageEndpoint,
	type Operation,
	type PrepareProgress,
	type PreparedSummary
} from './protocol';
import type { AnalysisInput, Proposal, WhatIfOptions, WhatIfResult } from '$lib/domain/analysis';

/** The worker's error, with the input problems (`path: message`) when the input was refused. */
export class AnalysisWorkerError extends Error {
	constructor(
		message: string,
		readonly issues: string[] = []
	) {
		super(message);
		this.name = 'AnalysisWorkerError';
	}
}

export interface AnalysisClient {
	call<K extends Operation>(
		op: K,
		params: AnalysisOperations[K]['params']
	): Promise<AnalysisOperations[K]['result']>;
	prepare(input: AnalysisInput): Promise<PreparedSummary>;
	/**
	 * Prepare from a URL serving the input as JSON, fetched inside the worker (preferred for large
	 * inputs); `onProgress` hears when the input has arrived and how many children are being analysed.
	 */
	prepareFrom(url: string, onProgress?: (progress: PrepareProgress) => void): Promise<PreparedSummary>;
	/**
	 * For dragging: at most one what-if runs and one waits; a newer call replaces the waiting one,
	 * whose promise resolves to null (stale). The latest proposals are always computed.
	 */
	whatIfLatest(proposals: Proposal[], options?: WhatIfOptions): Promise<WhatIfResult | null>;
	/**
	 * Stops listening; pending calls reject (with `reason`, e.g. why the worker died). Terminate the
	 * worker yourself if you own it.
	 */
	close(reason?: string): void;
}

/** A typed client over a Worker (or any MessageEndpoint) running serveAnalysis. */
export function createAnalysisClient(endpoint: MessageEndpoint): AnalysisClient {
	let nextId = 1;
	const pending = new Map<
		number,
		{
			resolve: (value: unknown) => void;
			reject: (error: Error) => void;
			onProgress?: (progress: PrepareProgress) => void;
		}
	>();
	let whatIfRunning = false;
	let waiting: {
		proposals: Proposal[];
		options?: WhatIfOptions;
		resolve: (value: WhatIfResult | null) => void;
		reject: (error: Error) => void;
	} | null = null;

	const listener = (event: MessageEvent) => {
		const response = event.data as AnalysisMessage;
		const call = pending.get(response?.id);
		if (!call) return;
		if ('progress' in response) {
			call.onProgress?.(response.progress);
			return;
		}
		pending.delete(response.id);
		if (response.ok) call.resolve(response.result);
		else call.reject(new AnalysisWorkerError(response.error, response.issues));
	};
	endpoint.addEventListener('message', listener);
	endpoint.start?.();

	const call = <K extends Operation>(
		op: K,
		params: AnalysisOperations[K]['params'],
		onProgress?: (progress: PrepareProgress) => void
	) =>
		new Promise<AnalysisOperations[K]['result']>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
			endpoint.postMessage({ v: PROTOCOL_VERSION, id, op, params } as AnalysisRequest);
		});

	const runWhatIf = (proposals: Proposal[], options?: WhatIfOptions): Promise<WhatIfResult> => {
		whatIfRunning = true;
		const done = () => {
			whatIfRunning = false;
			const next = waiting;
			waiting = null;
			if (next) runWhatIf(next.proposals, next.options).then(next.resolve, next.reject);
		};
		const running = call('whatIf', { proposals, options });
		running.then(done, done);
		return running;
	};

	return {
		call: (op, params) => call(op, params),
		prepare: (input) => call('prepare', { input }),
		prepareFrom: (url, onProgress) => call('prepareFrom', { url }, onProgress),
		whatIfLatest(proposals, options) {
			if (!whatIfRunning) return runWhatIf(proposals, options);
			waiting?.resolve(null);
			return new Promise((resolve, reject) => {
				waiting = { proposals, options, resolve, reject };
			});
		},
		close(reason = 'Analysis client closed') {
			endpoint.removeEventListener?.('message', listener);
			for (const { reject } of pending.values()) reject(new AnalysisWorkerError(reason));
			pending.clear();
			waiting?.resolve(null);
			waiting = null;
		}
	};
}
