import { LA_TOTAL_FIELDS, type AnalysisContext, type VacancyMatching } from './analysis-context';
import { haversineMiles } from './haversine-miles';
import { degreesAround } from './find-vacancies';
import { needsMet } from './need-masks';
import { parseProposals } from './parse-proposals';
import { provisionKindIndex } from './provision-kinds';
import type { Proposal, WhatIfArea, WhatIfResult } from './types';
import {
	augmentFromChild,
	augmentIntoProvider,
	createSearchScratch,
	unassign,
	type ScenarioGraph
} from './vacancy-matching';

export interface WhatIfOptions {
	/** The region reported as `region`: an RCC id, or England (default). */
	rccId?: string;
}

interface Added {
	id: string;
	kind: number;
	lon: number;
	lat: number;
	capacity: number;
	ageMin: number;
	ageMax: number;
	needMask: Uint32Array;
	anyNeeds: boolean;
}

/**
 * Proposed homes (added, moved or removed) -> how many children now placed over 20 miles from home
 * could live within 20 miles, before and after, per LA and for the region, and the new share over 20
 * miles. "Could live" means a maximum matching of those children to suitable vacancies within 20 miles
 * of their home, one child a vacancy (a proposed home brings all its places; an existing home its
 * vacancies). Starts from the matching prepared in the context and only re-augments, so a call with one
 * proposed home stays within a few milliseconds at national scale (measured by bench:analysis).
 */
export function whatIf(
	context: AnalysisContext,
	untrustedProposals: readonly Proposal[],
	options: WhatIfOptions = {}
): WhatIfResult {
	const started = performance.now();
	const proposals = parseProposals(untrustedProposals);
	const { providers, children, needs, thresholdMiles } = context;
	const { matching, laTotals } = context.whatIfBase();
	const baseCount = providers.count;

	const removed = new Set<number>();
	const added: Added[] = [];
	for (const proposal of proposals) {
		if (proposal.action === 'add') {
			const needMask = new Uint32Array(needs.words);
			needs.write(proposal.needs ?? [], needMask, 0);
			added.push({
				id: proposal.id,
				kind: provisionKindIndex(proposal.kind),
				lon: proposal.location[0],
				lat: proposal.location[1],
				capacity: proposal.places,
				ageMin: proposal.ageMin ?? 0,
				ageMax: proposal.ageMax ?? 25,
				needMask,
				anyNeeds: proposal.kind === 'fostering' && !proposal.needs
			});
			continue;
		}
		const p = providers.byUrn.get(proposal.urn);
		if (p === undefined) throw new Error(`No home with URN ${proposal.urn} to ${proposal.action}`);
		removed.add(p);
		if (proposal.action === 'move') {
			added.push({
				id: proposal.urn,
				kind: providers.kind[p],
				lon: proposal.location[0],
				lat: proposal.location[1],
				capacity: providers.vacancies[p],
				ageMin: providers.ageMin[p],
				ageMax: providers.ageMax[p],
				needMask: providers.needMask.subarray(p * needs.words, (p + 1) * needs.words),
				anyNeeds: providers.anyNeeds[p] === 1
			});
		}
	}

	// Extend capacities and slots with the added providers; their edges come from the demand index.
	const total = baseCount + added.length;
	const capacity = new Int32Array(total);
	capacity.set(matching.capacity);
	const slotStart = new Int32Array(total + 1);
	slotStart.set(matching.slotStart);
	added.forEach((a, i) => {
		capacity[baseCount + i] = a.capacity;
		slotStart[baseCount + i + 1] = slotStart[baseCount + i] + a.capacity;
	});
	const base = matching.base;
	const state = {
		assigned: base.assigned.slice(),
		slotOf: base.slotOf.slice(),
		slots: new Int32Array(slotStart[total]).fill(-1),
		load: new Int32Array(total)
	};
	state.slots.set(base.slots);
	state.load.set(base.load);
	const graph: ScenarioGraph = {
		matching,
		baseCount,
		extraAdj: new Map(),
		addedDemand: [],
		removed: removed.size ? new Uint8Array(total) : null,
		capacity,
		slotStart
	};
	const scratch = createSearchScratch(matching.demand.length, total);

	// Removed homes: their children look for another place (only they can start a new path).
	const freed: number[] = [];
	for (const p of removed) {
		graph.removed![p] = 1;
		for (let s = slotStart[p] + state.load[p] - 1; s >= slotStart[p]; s--) {
			freed.push(state.slots[s]);
			unassign(state, slotStart, state.slots[s]);
		}
	}
	for (const d of freed) augmentFromChild(graph, state, d, scratch);

	// Added homes, one at a time: fill each place by an augmenting path ending at it, until none is left.
	const { demand, demandIndex } = matching;
	added.forEach((a, i) => {
		const p = baseCount + i;
		const near: { d: number; miles: number }[] = [];
		if (demandIndex && a.capacity > 0) {
			const box = degreesAround(a.lat, thresholdMiles);
			const hits = demandIndex.tree.range(a.lon - box.lon, a.lat - box.lat, a.lon + box.lon, a.lat + box.lat);
			for (const kdId of hits) {
				const d = demandIndex.ids[kdId];
				const c = demand[d];
				if (children.provision[c] !== a.kind) continue;
				if (children.age[c] < a.ageMin || children.age[c] > a.ageMax) continue;
				if (!a.anyNeeds && !needsMet(children.needMask, c * needs.words, a.needMask, 0, needs.words))
					continue;
				const miles = haversineMiles(a.lon, a.lat, demandIndex.lon[kdId], demandIndex.lat[kdId]);
				if (miles <= thresholdMiles) near.push({ d, miles });
			}
			// Nearest first, so of several free children the nearest takes the place.
			near.sort((x, y) => x.miles - y.miles || x.d - y.d);
		}
		const list = near.map((n) => n.d);
		graph.addedDemand.push(list);
		for (const d of list) {
			const extra = graph.extraAdj.get(d);
			if (extra) extra.push(p);
			else graph.extraAdj.set(d, [p]);
		}
		while (state.load[p] < capacity[p] && augmentIntoProvider(graph, state, p, scratch));
	});

	const result = tally(context, matching, laTotals, base.assigned, state.assigned, options);
	return {
		...result,
		byProposal: added.map((a, i) => ({ id: a.id, children: state.load[baseCount + i], places: a.capacity })),
		milliseconds: performance.now() - started
	};
}

function tally(
	context: AnalysisContext,
	matching: VacancyMatching,
	laTotals: Float64Array,
	before: Int32Array,
	after: Int32Array,
	options: WhatIfOptions
): Pick<WhatIfResult, 'las' | 'region'> {
	const { children, laCodes } = context;
	const fields = LA_TOTAL_FIELDS + 1; // + matched after
	const counts = new Float64Array(laCodes.length * fields);
	for (let la = 0; la < laCodes.length; la++) {
		for (let f = 0; f < LA_TOTAL_FIELDS; f++) counts[la * fields + f] = laTotals[la * LA_TOTAL_FIELDS + f];
		counts[la * fields + LA_TOTAL_FIELDS] = laTotals[la * LA_TOTAL_FIELDS + 3];
	}
	for (let d = 0; d < matching.demand.length; d++) {
		const wasMatched = before[d] >= 0;
		if (wasMatched === after[d] >= 0) continue;
		counts[children.laIndex[matching.demand[d]] * fields + LA_TOTAL_FIELDS] += wasMatched ? -1 : 1;
	}
	const area = (code: string, las: Iterable<number>): WhatIfArea => {
		const sum = [0, 0, 0, 0, 0];
		for (const la of las) for (let f = 0; f < fields; f++) sum[f] += counts[la * fields + f];
		const [all, known, over, couldBefore, couldAfter] = sum;
		const share = (n: number) => (known ? (100 * n) / known : null);
		return {
			code,
			children: all,
			withPlacementLocation: known,
			over20Miles: over,
			couldLiveWithin20Before: couldBefore,
			couldLiveWithin20After: couldAfter,
			gained: couldAfter - couldBefore,
			percentOver20MilesNow: share(over),
			percentOver20MilesBefore: share(over - couldBefore),
			percentOver20MilesAfter: share(over - couldAfter)
		};
	};

	let regionLas: number[];
	let regionCode = 'england';
	if (options.rccId) {
		const rcc = context.input.rccs.findIndex((r) => r.id === options.rccId);
		if (rcc < 0) throw new Error(`No RCC ${options.rccId} in the prepared input`);
		regionLas = [...context.rccMembers[rcc]];
		regionCode = options.rccId;
	} else {
		regionLas = laCodes.map((_, la) => la);
	}
	const las = regionLas.filter((la) => counts[la * fields] > 0).map((la) => area(laCodes[la], [la]));
	return { las, region: area(regionCode, regionLas) };
}
