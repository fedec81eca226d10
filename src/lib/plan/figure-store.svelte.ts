import type { RccSummary } from '../domain/types';
import {
	figureSource,
	figureValue,
	type FigureMetric,
	type FigureRef,
	type FigureValue
} from './figure-text';
import type { FigureSource } from './live-figure';

/** How often chips re-read the summary: the reference data changes with imports, a few times a day. */
const REFRESH_MS = 60_000;

const AS_AT = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit'
});

/**
 * The live figures of one RCC in the browser: GET /api/rccs/:id/summary (figures suppressed for this
 * user by the server), re-read every minute and when the tab comes back into view; chips redraw when a
 * value changed.
 */
export class FigureStore implements FigureSource {
	summary = $state<RccSummary | null>(null);
	/** Epoch milliseconds of the last successful read. */
	loadedAt = $state<number | null>(null);
	// Not state: listeners are plain callbacks (chips' node views), never read by a template.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<() => void>();
	#timer: ReturnType<typeof setInterval> | null = null;
	#rccId: string;
	#fetch: typeof fetch;

	constructor(rccId: string, fetchImpl: typeof fetch = fetch) {
		this.#rccId = rccId;
		this.#fetch = fetchImpl;
	}

	start(): void {
		void this.refresh();
		this.#timer = setInterval(() => void this.refresh(), REFRESH_MS);
		document.addEventListener('visibilitychange', this.#onVisible);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		document.removeEventListener('visibilitychange', this.#onVisible);
		this.#listeners.clear();
	}

	#onVisible = () => {
		if (document.visibilityState === 'visible') void this.refresh();
	};

	async refresh(): Promise<void> {
		const response = await this.#fetch(`/api/rccs/${this.#rccId}/summary`, { cache: 'no-store' }).catch(
			() => null
		);
		if (!response?.ok) return;
		const next = (await response.json()) as RccSummary;
		const changed = JSON.stringify(next) !== JSON.stringify(this.summary);
		this.summary = next;
		this.loadedAt = Date.now();
		if (changed) for (const listener of this.#listeners) listener();
	}

	get(ref: FigureRef): FigureValue | null {
		return this.summary ? figureValue(this.summary, ref) : null;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	provenance(metric: FigureMetric): { short: string; full: string } {
		if (!this.summary) return { short: 'loading', full: 'Loading the figures' };
		const source = figureSource(this.summary.sources, metric);
		const at = this.loadedAt ? AS_AT.format(this.loadedAt) : '';
		return {
			short: `${source?.short ?? 'Close to Home data'}, read ${at}`,
			full: `Source: ${source?.full ?? 'the data in Close to Home'} Read ${at}; updates when the data changes.`
		};
	}
}
