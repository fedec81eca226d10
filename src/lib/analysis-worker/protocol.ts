/**
 * The one wire protocol between the page and the analysis worker (version 1). Each operation names
 * its parameters and result; requests carry an id the response repeats. Everything is plain data
 * (structured-cloneable): functions such as a suppression rule cannot cross, hence `suppressUpTo`.
 */
import type {
	AnalysisInput,
	ChildAnalysis,
	CoverageGapOptions,
	CoverageGaps,
	DistanceSummaries,
	HomeArea,
	LonLat,
	NearestOptions,
	PlacementLine,
	Proposal,
	RadiusSummary,
	VacancyMatch,
	VacancySeeker,
	WhatIfOptions,
	WhatIfResult
} from '$lib/domain/analysis';
import type { FarPlacedChild } from './far-placed-children';
import type { SeekingChild, VacanciesForChild, VacancyCandidate } from './vacancies-for-child';

export type { FarPlacedChild, SeekingChild, VacanciesForChild, VacancyCandidate };

export const PROTOCOL_VERSION = 1;

/**
 * Sent (with the request's id) while prepareFrom works: the input has arrived and this many children
 * are being analysed. Not an answer: the request's response still follows.
 */
export interface PrepareProgress {
	stage: 'analysing';
	children: number;
}

export interface PreparedSummary {
	children: number;
	homes: number;
	fosteringPoints: number;
	/** Children placed over the threshold, the what-if's starting point. */
	over20Miles: number;
	milliseconds: number;
}

export interface AnalysisOperations {
	prepare: {
		params: { input: AnalysisInput; thresholdMiles?: number; nearestRadiusMiles?: number };
		result: PreparedSummary;
	};
	/**
	 * The same, fetching the input (JSON of AnalysisInput) inside the worker: the page neither parses
	 * nor clones 100,000 children (cloning them costs the main thread about a second). Same-origin
	 * requests carry the session cookie.
	 */
	prepareFrom: {
		params: { url: string; thresholdMiles?: number; nearestRadiusMiles?: number };
		result: PreparedSummary;
	};
	/** Builds the what-if's starting point ahead of the first drag (else the first what-if does). */
	prepareWhatIf: { params: Record<string, never>; result: { milliseconds: number } };
	children: { params: Record<string, never>; result: ChildAnalysis[] };
	/** Counts from 1 to `suppressUpTo` are withheld (and what would reveal them); 0 or absent: raw. */
	summaries: { params: { suppressUpTo?: number }; result: DistanceSummaries };
	nearest: { params: { seeker: VacancySeeker; options?: NearestOptions }; result: VacancyMatch[] };
	/** One LA's children placed over `overMiles` (default the threshold), furthest first. Child-level. */
	farPlaced: { params: { laCode: string; overMiles?: number }; result: FarPlacedChild[] };
	/** `nearest` for one child, with the child and each provider's registration (to say why it suits). */
	vacanciesForChild: { params: { childId: string; options?: NearestOptions }; result: VacanciesForChild };
	gaps: { params: CoverageGapOptions; result: CoverageGaps };
	whatIf: { params: { proposals: Proposal[]; options?: WhatIfOptions }; result: WhatIfResult };
	lines: { params: { area: HomeArea }; result: { type: 'FeatureCollection'; features: PlacementLine[] } };
	radius: { params: { center: LonLat; radiusMiles: number }; result: RadiusSummary };
}

export type Operation = keyof AnalysisOperations;

export type AnalysisRequest = {
	[K in Operation]: {
		v: typeof PROTOCOL_VERSION;
		id: number;
		op: K;
		params: AnalysisOperations[K]['params'];
	};
}[Operation];

export type AnalysisResponse =
	| { v: typeof PROTOCOL_VERSION; id: number; ok: true; result: unknown }
	| { v: typeof PROTOCOL_VERSION; id: number; ok: false; error: string; issues?: string[] };

/** Everything the worker posts: answers, and progress of a request still running. */
export type AnalysisMessage =
	AnalysisResponse | { v: typeof PROTOCOL_VERSION; id: number; progress: PrepareProgress };

/** What both ends need of a Worker, `self` in a worker, or a MessagePort. */
export interface MessageEndpoint {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener?(type: 'message', listener: (event: MessageEvent) => void): void;
	/** MessagePorts deliver nothing until started; Workers have no such method. */
	start?(): void;
}
