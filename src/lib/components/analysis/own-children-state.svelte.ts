import type { StartedAnalysisWorker } from '$lib/analysis-worker/start-analysis-worker';
import type { FarPlacedChild, VacanciesForChild } from '$lib/analysis-worker/protocol';
import type { DistanceSummary } from '$lib/domain/analysis';
import { parseRadiusMiles } from '$lib/map/parse-radius-miles';
import { pageOf } from './page-of';
import { sortByMiles, type MilesOrder } from './sort-by-miles';

export type OwnChildrenStatus = 'closed' | 'loading' | 'analysing' | 'ready' | 'error';

/** The nearest-vacancy search radius (issue 4 point 2): 20 miles, the DfE measure, by default. */
export const SEARCH_RADIUS = { minMiles: 5, maxMiles: 100, defaultMiles: 20 } as const;
/** How many suitable vacancies to list for one child. */
export const CANDIDATES = 5;
export const PAGE_SIZE = 20;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One commissioner's own LA, analysed in the browser's analysis worker: started when the panel is
 * opened (not on page load), fed by analysis-input.json (fetched and parsed in the worker, so the page
 * never parses it), stopped when the page is left. The server sends only this LA's children.
 */
export class OwnChildrenState {
	status = $state<OwnChildrenStatus>('closed');
	/** While analysing: how many children arrived. */
	analysing = $state<number | null>(null);
	error = $state<string | null>(null);
	summary = $state.raw<DistanceSummary | null>(null);
	farPlaced = $state.raw<FarPlacedChild[]>([]);
	order = $state<MilesOrder>('furthest');
	page = $state(0);
	radiusText = $state(String(SEARCH_RADIUS.defaultMiles));
	radiusError = $state<string | null>(null);
	/** The child whose vacancies are being found or shown. */
	chosenId = $state<string | null>(null);
	searching = $state(false);
	searchError = $state<string | null>(null);
	/** Raw: sent to the map overlay as it is. */
	found = $state.raw<VacanciesForChild | null>(null);

	readonly shown = $derived(pageOf(sortByMiles(this.farPlaced, this.order), this.page, PAGE_SIZE));

	#worker: StartedAnalysisWorker | null = null;
	#search = 0;

	readonly laCode: string;
	readonly #inputUrl: string;

	/** `inputUrl`: the RCC's analysis-input.json; `laCode`: the commissioner's own LA. */
	constructor(
		private readonly startWorker: () => StartedAnalysisWorker,
		options: { inputUrl: string; laCode: string }
	) {
		this.laCode = options.laCode;
		this.#inputUrl = options.inputUrl;
	}

	/** Starts the worker and analyses the LA's children; again after a failure (the retry button). */
	async open(): Promise<void> {
		if (this.status === 'loading' || this.status === 'analysing' || this.status === 'ready') return;
		this.status = 'loading';
		this.error = null;
		this.analysing = null;
		try {
			this.#worker ??= this.startWorker();
			const { client } = this.#worker;
			await client.prepareFrom(this.#inputUrl, (progress) => {
				this.analysing = progress.children;
				this.status = 'analysing';
			});
			const [summaries, farPlaced] = await Promise.all([
				client.call('summaries', {}),
				client.call('farPlaced', { laCode: this.laCode })
			]);
			this.summary = summaries.las.find((la) => la.code === this.laCode) ?? null;
			this.farPlaced = farPlaced;
			this.status = 'ready';
		} catch (error) {
			// A worker that failed stays failed: the retry starts a fresh one.
			this.#worker?.terminate();
			this.#worker = null;
			this.error = message(error);
			this.status = 'error';
		}
	}

	setOrder(order: MilesOrder): void {
		this.order = order;
		this.page = 0;
	}

	/** Nearest suitable vacancies for one child within the radius typed; false when it is not valid. */
	async findVacancies(childId: string): Promise<boolean> {
		const radius = parseRadiusMiles(this.radiusText, SEARCH_RADIUS);
		if (!radius.ok) {
			this.radiusError = radius.error;
			return false;
		}
		this.radiusError = null;
		const client = this.#worker?.client;
		if (!client) return false;
		const search = ++this.#search;
		this.chosenId = childId;
		this.searching = true;
		this.searchError = null;
		try {
			const found = await client.call('vacanciesForChild', {
				childId,
				options: { k: CANDIDATES, radiusMiles: radius.miles }
			});
			if (search === this.#search) this.found = found;
		} catch (error) {
			if (search === this.#search) {
				this.found = null;
				this.searchError = message(error);
			}
		} finally {
			if (search === this.#search) this.searching = false;
		}
		return true;
	}

	clearSearch(): void {
		this.#search++;
		this.chosenId = null;
		this.found = null;
		this.searching = false;
		this.searchError = null;
	}

	/** Stops the worker (the page is being left). */
	close(): void {
		this.#search++;
		this.#worker?.terminate();
		this.#worker = null;
	}
}
