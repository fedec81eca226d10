import type { Proposal } from '$lib/domain/analysis';
import type { LonLat } from '$lib/domain/types';
import type { PublicGapCell } from '$lib/server/analysis/suppress-gaps';
import type { PublicGapBreakdown } from '$lib/server/analysis/suppress-gap-breakdown';
import type { PublicWhatIf as SuppressedWhatIf } from '$lib/server/analysis/suppress-what-if';
import { readJson } from '$lib/read-json';
import { latestOnly } from './latest-only';

/** A gap as gaps.json serves it: the cell, and who in it is unserved. */
export type GapCellWithUnserved = PublicGapCell & { unserved: PublicGapBreakdown };

/** The what-if as what-if.json serves it: the figures, and whether each proposal serves anyone. */
export type PublicWhatIf = SuppressedWhatIf & { proposals: { id: string; helps: boolean }[] };

export type { PublicGapCell };

export type ProposedHome = Extract<Proposal, { action: 'add' }>;

/** Where proposals live when they are shared: the workshop's chosen scenario (WorkshopState). */
export interface ProposalWriter {
	add(home: ProposedHome): void;
	move(id: string, location: LonLat): void;
	remove(id: string): void;
}

/** Others' changes arrive in bursts (a drag, an undo): one what-if for the burst. */
const SHARED_RECOMPUTE_MS = 250;

type Fetch = typeof fetch;

/** Centre of a ring (mean of its corners; hexagons are near enough regular). */
export function ringCentre(ring: readonly LonLat[]): LonLat {
	const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
	const lon = corners.reduce((sum, [x]) => sum + x, 0) / corners.length;
	const lat = corners.reduce((sum, [, y]) => sum + y, 0) / corners.length;
	return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/**
 * Gaps and what-if of one RCC, computed on the server over all member LAs' children and published
 * suppressed (the reader's own LA in full), so every role sees the same region-wide figures.
 */
export class AnalysisState {
	gaps = $state<GapCellWithUnserved[] | null>(null);
	gapsLoading = $state(false);
	gapsError = $state<string | null>(null);
	selectedCell = $state<string | null>(null);
	proposals = $state<ProposedHome[]>([]);
	result = $state<PublicWhatIf | null>(null);
	whatIfError = $state<string | null>(null);
	computing = $state(false);
	/** The scenario's moves and removals of existing homes: not drawn here, but part of every what-if. */
	others = $state.raw<Proposal[]>([]);
	/** The scenario is drawn on the map while the scenarios section is open too, not only the what-if. */
	showOnMap = $state(false);
	/** Whether this page may move the proposed homes (a viewer, or a read-only connection, may not). */
	movable = $state(true);
	#writer: ProposalWriter | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#nextId = 1;
	#inFlight = 0;
	#post: (proposals: Proposal[]) => Promise<PublicWhatIf | null>;

	constructor(
		private readonly fetcher: Fetch,
		readonly rccId: string
	) {
		this.#post = latestOnly((proposals: Proposal[]) =>
			fetcher(`/api/rccs/${rccId}/what-if.json`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ proposals })
			}).then((response) => readJson<PublicWhatIf>(response))
		);
	}

	async loadGaps(): Promise<void> {
		if (this.gapsLoading) return;
		this.gapsLoading = true;
		this.gapsError = null;
		try {
			const body = await readJson<{ cells: GapCellWithUnserved[] }>(
				await this.fetcher(`/api/rccs/${this.rccId}/gaps.json`)
			);
			this.gaps = body.cells;
		} catch (error) {
			this.gapsError = error instanceof Error ? error.message : String(error);
		} finally {
			this.gapsLoading = false;
		}
	}

	/**
	 * Takes the proposals from a shared scenario (null: none chosen) and sends changes to `writer`; the
	 * figures follow each change, whoever made it, after a short pause (not `compute`: a viewer, whom the
	 * what-if refuses, sees the homes only). Without a writer, proposals stay in this page.
	 */
	useScenario(
		proposals: readonly Proposal[] | null,
		writer: ProposalWriter | null,
		options: { compute: boolean } = { compute: true }
	): void {
		this.#writer = writer;
		const added = (proposals ?? []).filter((p): p is ProposedHome => p.action === 'add');
		const others = (proposals ?? []).filter((p) => p.action !== 'add');
		const before = JSON.stringify([$state.snapshot(this.proposals), this.others]);
		if (JSON.stringify([added, others]) === before) return;
		this.proposals = added;
		this.others = others;
		if (proposals === null || !options.compute) {
			this.result = null;
			return;
		}
		if (this.#timer) clearTimeout(this.#timer);
		// Busy from the change, not from the request: figures shown during the pause are the old ones.
		this.computing = true;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.recompute();
		}, SHARED_RECOMPUTE_MS);
	}

	add(location: LonLat, shape: Omit<ProposedHome, 'action' | 'id' | 'location'>): ProposedHome {
		const id = this.#writer ? `home-${crypto.randomUUID().slice(0, 8)}` : `proposed-${this.#nextId++}`;
		const home: ProposedHome = { action: 'add', id, location, ...shape };
		if (this.#writer) {
			this.#writer.add(home);
			return home;
		}
		this.proposals = [...this.proposals, home];
		void this.recompute();
		return home;
	}

	move(id: string, location: LonLat): void {
		if (this.#writer) return this.#writer.move(id, location);
		this.proposals = this.proposals.map((home) => (home.id === id ? { ...home, location } : home));
		void this.recompute();
	}

	remove(id: string): void {
		if (this.#writer) return this.#writer.remove(id);
		this.proposals = this.proposals.filter((home) => home.id !== id);
		void this.recompute();
	}

	destroy(): void {
		if (this.#timer) clearTimeout(this.#timer);
	}

	async recompute(): Promise<void> {
		this.#inFlight++;
		this.computing = true;
		try {
			const result = await this.#post([
				...($state.snapshot(this.proposals) as ProposedHome[]),
				...this.others
			]);
			if (result === null) return; // A newer what-if replaced this one.
			this.result = result;
			this.whatIfError = null;
		} catch (error) {
			this.whatIfError = error instanceof Error ? error.message : String(error);
		} finally {
			this.computing = --this.#inFlight > 0 || this.#timer !== null;
		}
	}
}
