import {
	AnalysisInputError,
	childAnalyses,
	coverageGaps,
	nearestSuitableVacancies,
	placementLines,
	prepareAnalysis,
	prepareWhatIf,
	summariseDistances,
	whatIf,
	withinRadius,
	type AnalysisContext,
	type AnalysisInput
} from '$lib/domain/analysis';
import {
	PROTOCOL_VERSION,
	type AnalysisOperations,
	type AnalysisMessage,
	type AnalysisRequest,
	type AnalysisResponse,
	type MessageEndpoint,
	type Operation
} from './protocol';
import { farPlacedChildren } from './far-placed-children';
import { vacanciesForChild } from './vacancies-for-child';

type Handlers = {
	[K in Operation]: (
		params: AnalysisOperations[K]['params'],
		/** The request's id, for progress messages. */
		id: number
	) => AnalysisOperations[K]['result'] | Promise<AnalysisOperations[K]['result']>;
};

/**
 * Answers analysis requests on `endpoint` (the worker's `self`, or a MessagePort in tests), one at a
 * time in arrival order (a request waits for an earlier asynchronous one, such as prepareFrom). The
 * prepared context lives here, in the worker, and never crosses back.
 */
export function serveAnalysis(endpoint: MessageEndpoint): void {
	let context: AnalysisContext | null = null;
	const prepared = () => {
		if (!context) throw new Error('Call prepare before any other analysis operation');
		return context;
	};
	const prepare = (input: unknown, thresholdMiles?: number, nearestRadiusMiles?: number) => {
		const started = performance.now();
		context = null;
		// Validated: whatever crossed a thread or the network is untrusted input.
		const next = prepareAnalysis(input as AnalysisInput, { thresholdMiles, nearestRadiusMiles });
		context = next;
		let over = 0;
		for (let c = 0; c < next.children.count; c++) if (next.children.miles[c] > next.thresholdMiles) over++;
		return {
			children: next.children.count,
			homes: next.input.homes.length,
			fosteringPoints: next.input.fostering.length,
			over20Miles: over,
			milliseconds: performance.now() - started
		};
	};
	const handlers: Handlers = {
		prepare: ({ input, thresholdMiles, nearestRadiusMiles }) =>
			prepare(input, thresholdMiles, nearestRadiusMiles),
		async prepareFrom({ url, thresholdMiles, nearestRadiusMiles }, id) {
			// Child-level records: never written to the browser's HTTP cache, whatever the response says.
			const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
			if (!response.ok) throw new Error(`Fetching the analysis input from ${url} failed: ${response.status}`);
			const input: unknown = await response.json();
			const children = (input as { children?: unknown })?.children;
			if (Array.isArray(children)) {
				const progress: AnalysisMessage = {
					v: PROTOCOL_VERSION,
					id,
					progress: { stage: 'analysing', children: children.length }
				};
				endpoint.postMessage(progress);
			}
			return prepare(input, thresholdMiles, nearestRadiusMiles);
		},
		prepareWhatIf() {
			const started = performance.now();
			prepareWhatIf(prepared());
			return { milliseconds: performance.now() - started };
		},
		children: () => childAnalyses(prepared()),
		summaries: ({ suppressUpTo }) =>
			summariseDistances(prepared(), {
				suppress: suppressUpTo ? (count) => count >= 1 && count <= suppressUpTo : undefined
			}),
		nearest: ({ seeker, options }) => nearestSuitableVacancies(prepared(), seeker, options),
		farPlaced: (options) => farPlacedChildren(prepared(), options),
		vacanciesForChild: ({ childId, options }) => vacanciesForChild(prepared(), childId, options),
		gaps: (options) => coverageGaps(prepared(), options),
		whatIf: ({ proposals, options }) => whatIf(prepared(), proposals, options),
		lines: ({ area }) => placementLines(prepared(), area),
		radius: ({ center, radiusMiles }) => withinRadius(prepared(), center, radiusMiles)
	};

	const answer = async (request: AnalysisRequest): Promise<AnalysisResponse> => {
		try {
			if (request?.v !== PROTOCOL_VERSION || !(request.op in handlers)) {
				throw new Error(
					`Unsupported analysis request ${JSON.stringify(request?.op)} (protocol ${request?.v})`
				);
			}
			const handler = handlers[request.op] as (params: unknown, id: number) => unknown;
			return {
				v: PROTOCOL_VERSION,
				id: request.id,
				ok: true,
				result: await handler(request.params, request.id)
			};
		} catch (error) {
			return {
				v: PROTOCOL_VERSION,
				id: request?.id ?? -1,
				ok: false,
				error: error instanceof Error ? error.message : String(error),
				issues: error instanceof AnalysisInputError ? error.issues : undefined
			};
		}
	};
	let queue: Promise<void> = Promise.resolve();
	endpoint.addEventListener('message', (event: MessageEvent) => {
		const request = event.data as AnalysisRequest;
		queue = queue.then(async () => endpoint.postMessage(await answer(request)));
	});
	endpoint.start?.();
}
