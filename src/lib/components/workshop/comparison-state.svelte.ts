import type { Proposal } from '$lib/domain/analysis';
import type { ScenarioComparison } from '$lib/server/workshop/compare-scenarios';
import { readJson } from '$lib/read-json';
import { latestOnly } from '../analysis/latest-only';

export type { ScenarioComparison };

/** Changes arrive in bursts (a drag, an undo, someone typing unit costs): one request per burst. */
const DEBOUNCE_MS = 300;
/** The server reads the stored document: a change may reach it a moment after the request. */
const STALE_RETRY_MS = 700;

/** What the page expects the server to compare: the ids, and each side's proposals and unit costs now. */
export interface ComparisonRequest {
	a: string;
	b: string;
	/** The page's reading of both sides, to tell an answer about an older document from a current one. */
	expected: { a: SideContents; b: SideContents };
}

export interface SideContents {
	proposals: readonly Proposal[];
	unitCosts: Record<string, number> | null;
}

/**
 * Two sides of the workshop compared by the server (GET scenario-comparison.json), asked again whenever
 * either side changes, whoever changed it. The server reads the document as stored; when its answer is
 * about other proposals than the page holds (the change had not reached it), it asks once more.
 */
export class ComparisonState {
	result = $state.raw<ScenarioComparison | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#last = '';
	#get: (query: string) => Promise<ScenarioComparison | null>;

	constructor(fetcher: typeof fetch, rccId: string) {
		this.#get = latestOnly((query: string) =>
			fetcher(`/api/rccs/${rccId}/scenario-comparison.json?${query}`, { cache: 'no-store' }).then(
				(response) => readJson<ScenarioComparison>(response)
			)
		);
	}

	/** Asks for `next` (null: nothing to compare); the same request again, unchanged, asks nothing. */
	request(next: ComparisonRequest | null): void {
		const key = JSON.stringify(next);
		if (key === this.#last) return;
		this.#last = key;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (!next) {
			this.result = null;
			return;
		}
		this.loading = true;
		this.#timer = setTimeout(() => void this.#load(next, 1), DEBOUNCE_MS);
	}

	async #load(next: ComparisonRequest, retries: number): Promise<void> {
		this.#timer = null;
		try {
			const result = await this.#get(`a=${encodeURIComponent(next.a)}&b=${encodeURIComponent(next.b)}`);
			if (result === null) return;
			if (retries > 0 && !matches(result, next)) {
				this.#timer = setTimeout(() => void this.#load(next, retries - 1), STALE_RETRY_MS);
				return;
			}
			this.result = result;
			this.error = null;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (this.#timer === null) this.loading = false;
		}
	}

	destroy(): void {
		if (this.#timer) clearTimeout(this.#timer);
	}
}

/** Whether the server compared what the page holds (its proposals are a subset: unknown homes are dropped). */
function matches(result: ScenarioComparison, next: ComparisonRequest): boolean {
	return (['a', 'b'] as const).every((side) => {
		const expected = next.expected[side];
		const got = result[side];
		const text = (list: readonly Proposal[]) => list.map((p) => JSON.stringify(p));
		const held = new Set(text(expected.proposals));
		const compared = new Set(text(got.proposals));
		// Every home the page holds was compared, and nothing else (moves and removals of homes the
		// server does not know are left out there).
		const sameProposals =
			text(got.proposals).every((p) => held.has(p)) &&
			expected.proposals.every((p) => p.action !== 'add' || compared.has(JSON.stringify(p)));
		const sameCosts = Object.entries(expected.unitCosts ?? {}).every(
			([kind, cost]) => got.unitCosts[kind as keyof typeof got.unitCosts] === cost
		);
		return sameProposals && sameCosts;
	});
}
