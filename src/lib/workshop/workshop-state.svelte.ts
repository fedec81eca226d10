import type { Proposal } from '../domain/analysis/types';
import type { LonLat } from '../domain/types';
import type { MapRoom } from './map-room.svelte';
import {
	WorkshopInputError,
	addNote,
	addProposal,
	createScenario,
	deleteNote,
	deleteScenario,
	duplicateScenario,
	proposalKey,
	readNotes,
	readScenarios,
	removeProposal,
	renameScenario,
	replaceProposal,
	resolveNote,
	setUnitCosts,
	type Attribution,
	type Scenario,
	type UnitCosts,
	type WorkshopNote
} from './schema';

/**
 * The workshop as the page uses it: the scenarios and notes of the room's document (re-read on every
 * change, whoever made it), which scenario this person has on screen, and verbs that write through
 * schema.ts with the room's origin (so undo takes back only this person's changes). A refused change
 * (a limit, a stale entry) leaves `problem` saying why instead of throwing.
 */
export class WorkshopState {
	readonly room: MapRoom;
	readonly me: Attribution;
	/** The scenario on screen here; each person chooses their own. */
	chosenId = $state<string | null>(null);
	problem = $state<string | null>(null);

	scenarios: Scenario[] = $derived.by(() => {
		void this.room.version;
		return readScenarios(this.room.doc).entries;
	});
	notes: WorkshopNote[] = $derived.by(() => {
		void this.room.version;
		return readNotes(this.room.doc).entries;
	});
	/** The chosen scenario, or the first one while none is chosen (or the chosen one was deleted). */
	current: Scenario | null = $derived(
		this.scenarios.find((s) => s.id === this.chosenId) ?? this.scenarios[0] ?? null
	);

	constructor(room: MapRoom, me: Attribution) {
		this.room = room;
		this.me = me;
	}

	get writable(): boolean {
		return this.room.writable;
	}

	#write<T>(change: () => T): T | null {
		this.problem = null;
		try {
			return change();
		} catch (error) {
			if (!(error instanceof WorkshopInputError)) throw error;
			this.problem = error.message;
			return null;
		}
	}

	#now(): string {
		// A timestamp written into the document, never state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Date().toISOString();
	}

	choose(scenarioId: string | null): void {
		this.chosenId = scenarioId;
	}

	/** A new scenario, chosen: its name by default "Scenario <n>". */
	create(name = this.#nextName()): string | null {
		const id = this.#write(() =>
			createScenario(this.room.doc, { name, by: this.me, at: this.#now() }, this.room.origin)
		);
		if (id) this.chosenId = id;
		return id;
	}

	rename(scenarioId: string, name: string): boolean {
		return this.#write(() => renameScenario(this.room.doc, scenarioId, name, this.room.origin)) !== null;
	}

	duplicate(scenarioId: string): string | null {
		const source = this.scenarios.find((s) => s.id === scenarioId);
		if (!source) return null;
		const name = `Copy of ${source.name}`.slice(0, 120);
		const id = this.#write(() =>
			duplicateScenario(this.room.doc, scenarioId, { name, by: this.me, at: this.#now() }, this.room.origin)
		);
		if (id) this.chosenId = id;
		return id;
	}

	remove(scenarioId: string): void {
		this.#write(() => deleteScenario(this.room.doc, scenarioId, this.room.origin));
		if (this.chosenId === scenarioId) this.chosenId = null;
	}

	setUnitCosts(scenarioId: string, costs: UnitCosts): boolean {
		return this.#write(() => setUnitCosts(this.room.doc, scenarioId, costs, this.room.origin)) !== null;
	}

	/** Adds to the scenario on screen, making one first when there is none. */
	addProposal(proposal: Proposal): void {
		const scenarioId = this.current?.id ?? this.create();
		if (!scenarioId) return;
		this.#write(() => addProposal(this.room.doc, scenarioId, proposal, this.room.origin));
	}

	moveProposal(homeId: string, location: LonLat): void {
		const scenario = this.current;
		const home = scenario?.proposals.find(
			(p): p is Extract<Proposal, { action: 'add' }> => p.action === 'add' && p.id === homeId
		);
		if (!scenario || !home) return;
		this.#write(() =>
			replaceProposal(this.room.doc, scenario.id, proposalKey(home), { ...home, location }, this.room.origin)
		);
	}

	removeProposal(homeId: string): void {
		const scenario = this.current;
		if (!scenario) return;
		this.#write(() => removeProposal(this.room.doc, scenario.id, `add:${homeId}`, this.room.origin));
	}

	addNote(location: LonLat, text: string): string | null {
		return this.#write(() =>
			addNote(this.room.doc, { location, text, by: this.me, at: this.#now() }, this.room.origin)
		);
	}

	resolveNote(noteId: string, resolved: boolean): void {
		this.#write(() => resolveNote(this.room.doc, noteId, resolved, this.room.origin));
	}

	deleteNote(noteId: string): void {
		this.#write(() => deleteNote(this.room.doc, noteId, this.room.origin));
	}

	#nextName(): string {
		const taken = this.scenarios.map((s) => s.name);
		let n = this.scenarios.length + 1;
		while (taken.includes(`Scenario ${n}`)) n++;
		return `Scenario ${n}`;
	}
}
