import type {
	ChildColumns,
	KDIndex,
	MatchingState,
	ProviderColumns,
	VacancyMatching
} from './analysis-context';
import { createScratch, suitableWithin } from './find-vacancies';
import { kdIndex } from './kd-index';
import { createPointMemo } from './point-memo';

const UNSET = 0x7fffffff;

/**
 * Who could live within the threshold (20 miles) of home: children placed further away ("demand") are
 * matched to vacancies within the threshold that suit them, each vacancy taking one child.
 *
 * The assignment is a maximum-cardinality b-matching (Hopcroft-Karp phases over capacities), seeded by a
 * greedy nearest-first pass: greedy alone can strand a child whose only nearby vacancy was taken by
 * someone with other options, and its count is not monotone as homes are added; a maximum matching is
 * both (adding capacity never lowers the maximum). The graph is built once; a what-if clones the small
 * assignment arrays, removes or adds providers and re-maximises from the current assignment, which
 * touches only the part of the graph that can change.
 */
export function buildVacancyMatching(
	children: ChildColumns,
	providers: ProviderColumns,
	vacancyIndexes: readonly (KDIndex | null)[],
	thresholdMiles: number,
	needWords: number,
	/** Per provision kind: true when its providers take any age and any needs (see pointOnlyKinds). */
	pointOnlyKinds: readonly boolean[]
): VacancyMatching {
	const demandList: number[] = [];
	for (let c = 0; c < children.count; c++) {
		if (children.provision[c] >= 0 && children.miles[c] > thresholdMiles) demandList.push(c);
	}
	const demand = Int32Array.from(demandList);
	const adjStart = new Int32Array(demand.length + 1);
	let edges: Int32Array = new Int32Array(Math.max(1024, demand.length * 4));
	let edgeCount = 0;
	const scratch = createScratch();
	const query = { lon: 0, lat: 0, age: 0, needMask: children.needMask, needOffset: 0, needWords };
	// Where every provider of a kind takes any age and needs, a home point's edges are the same for all
	// its children (homes are small-area centroids): compute them once per point.
	const samePoint = pointOnlyKinds.map((pointOnly) => (pointOnly ? createPointMemo() : null));
	for (let d = 0; d < demand.length; d++) {
		const c = demand[d];
		const kind = children.provision[c];
		const index = vacancyIndexes[kind];
		if (index) {
			const memo = samePoint[kind];
			const earlier = memo?.get(children.homeLon[c], children.homeLat[c]);
			let found: number;
			if (earlier !== undefined) {
				found = adjStart[earlier + 1] - adjStart[earlier];
				if (edgeCount + found > edges.length) edges = grow(edges, edgeCount + found);
				edges.copyWithin(edgeCount, adjStart[earlier], adjStart[earlier + 1]);
			} else {
				query.lon = children.homeLon[c];
				query.lat = children.homeLat[c];
				query.age = children.age[c];
				query.needOffset = c * needWords;
				found = suitableWithin(index, providers, query, thresholdMiles, scratch);
				if (edgeCount + found > edges.length) edges = grow(edges, edgeCount + found);
				edges.set(scratch.ids.subarray(0, found), edgeCount);
				memo?.set(children.homeLon[c], children.homeLat[c], d);
			}
			edgeCount += found;
		}
		adjStart[d + 1] = edgeCount;
	}
	const adjProvider = edges.slice(0, edgeCount);
	const capacity = Int32Array.from(providers.vacancies);
	const slotStart = new Int32Array(providers.count + 1);
	for (let p = 0; p < providers.count; p++) slotStart[p + 1] = slotStart[p] + capacity[p];
	const base = emptyState(demand.length, slotStart, providers.count);

	// Greedy seed: children with the fewest options first, each to their nearest vacancy with room. On a
	// synthetic England this leaves ~45 augmentations for Hopcroft-Karp instead of ~220 (nearest-first).
	// A counting sort by degree (small integers), stable in demand order.
	let maxDegree = 0;
	for (let d = 0; d < demand.length; d++) maxDegree = Math.max(maxDegree, adjStart[d + 1] - adjStart[d]);
	const byDegree = new Int32Array(maxDegree + 2);
	for (let d = 0; d < demand.length; d++) byDegree[adjStart[d + 1] - adjStart[d] + 1]++;
	for (let k = 0; k <= maxDegree; k++) byDegree[k + 1] += byDegree[k];
	const order = new Int32Array(demand.length);
	for (let d = 0; d < demand.length; d++) order[byDegree[adjStart[d + 1] - adjStart[d]]++] = d;
	for (const d of order) {
		for (let e = adjStart[d]; e < adjStart[d + 1]; e++) {
			const p = adjProvider[e];
			if (base.load[p] < capacity[p]) {
				assign(base, slotStart, d, p);
				break;
			}
		}
	}
	maximiseMatching(adjStart, adjProvider, capacity, slotStart, base);

	// Reverse adjacency (provider -> demand indexes), for searches that start from a provider.
	const providerStart = new Int32Array(providers.count + 1);
	for (let e = 0; e < adjProvider.length; e++) providerStart[adjProvider[e] + 1]++;
	for (let p = 0; p < providers.count; p++) providerStart[p + 1] += providerStart[p];
	const providerDemand = new Int32Array(adjProvider.length);
	const fill = providerStart.slice(0, providers.count);
	for (let d = 0; d < demand.length; d++) {
		for (let e = adjStart[d]; e < adjStart[d + 1]; e++) providerDemand[fill[adjProvider[e]]++] = d;
	}

	// Ids are demand indexes; coordinates are the demand children's homes.
	const demandIndex = demand.length
		? kdIndex(
				Int32Array.from(demand.keys()),
				Float64Array.from(demand, (c) => children.homeLon[c]),
				Float64Array.from(demand, (c) => children.homeLat[c])
			)
		: null;
	return {
		demand,
		adjStart,
		adjProvider,
		providerStart,
		providerDemand,
		capacity,
		slotStart,
		base,
		demandIndex
	};
}

function grow(array: Int32Array, atLeast: number): Int32Array {
	const grown = new Int32Array(Math.max(atLeast, array.length * 2));
	grown.set(array);
	return grown;
}

/**
 * Per provision kind: true when every provider of it with a vacancy takes any age (0-25) and any needs,
 * so that a search from a point gives the same answer for every child there.
 */
export function pointOnlyKinds(providers: ProviderColumns, kindCount: number): boolean[] {
	const result = new Array<boolean>(kindCount).fill(true);
	for (let p = 0; p < providers.count; p++) {
		if (providers.vacancies[p] <= 0) continue;
		if (providers.anyNeeds[p] !== 1 || providers.ageMin[p] > 0 || providers.ageMax[p] < 25) {
			result[providers.kind[p]] = false;
		}
	}
	return result;
}

export function emptyState(demandCount: number, slotStart: Int32Array, providerCount: number): MatchingState {
	return {
		assigned: new Int32Array(demandCount).fill(-1),
		slotOf: new Int32Array(demandCount).fill(-1),
		slots: new Int32Array(slotStart[providerCount]).fill(-1),
		load: new Int32Array(providerCount)
	};
}

export function cloneState(state: MatchingState): MatchingState {
	return {
		assigned: state.assigned.slice(),
		slotOf: state.slotOf.slice(),
		slots: state.slots.slice(),
		load: state.load.slice()
	};
}

export function assign(state: MatchingState, slotStart: Int32Array, d: number, p: number): void {
	const slot = slotStart[p] + state.load[p]++;
	state.slots[slot] = d;
	state.slotOf[d] = slot;
	state.assigned[d] = p;
}

export function unassign(state: MatchingState, slotStart: Int32Array, d: number): void {
	const p = state.assigned[d];
	if (p < 0) return;
	const last = slotStart[p] + --state.load[p];
	const slot = state.slotOf[d];
	const moved = state.slots[last];
	state.slots[slot] = moved;
	state.slotOf[moved] = slot;
	state.slots[last] = -1;
	state.slotOf[d] = -1;
	state.assigned[d] = -1;
}

/**
 * Augments `state` to a maximum matching (Hopcroft-Karp phases: a breadth-first layering from every
 * unmatched child, then depth-first augmenting paths along the layers); returns how many it added.
 */
export function maximiseMatching(
	adjStart: Int32Array,
	adjProvider: Int32Array,
	capacity: Int32Array,
	slotStart: Int32Array,
	state: MatchingState
): number {
	const demandCount = adjStart.length - 1;
	const providerCount = capacity.length;
	const dist = new Int32Array(demandCount);
	const queue = new Int32Array(demandCount);
	const seen = new Int32Array(providerCount);
	// The layer from which the breadth-first pass expanded each provider: only children of that layer
	// can continue a path through it, so only their failure proves it useless for this phase.
	const providerLayer = new Int32Array(providerCount);
	const dead = new Int32Array(providerCount);
	const { assigned, slots, load } = state;
	let phase = 0;
	let added = 0;

	const layer = (): boolean => {
		let head = 0;
		let tail = 0;
		dist.fill(UNSET);
		for (let d = 0; d < demandCount; d++) {
			if (assigned[d] === -1 && adjStart[d + 1] > adjStart[d]) {
				dist[d] = 0;
				queue[tail++] = d;
			}
		}
		let limit = UNSET;
		while (head < tail) {
			const u = queue[head++];
			const next = dist[u] + 1;
			if (next > limit + 1) break;
			for (let e = adjStart[u], end = adjStart[u + 1]; e < end; e++) {
				const p = adjProvider[e];
				if (seen[p] === phase) continue;
				seen[p] = phase;
				providerLayer[p] = dist[u];
				if (load[p] < capacity[p]) {
					if (limit === UNSET) limit = dist[u];
					continue;
				}
				for (let s = slotStart[p], stop = s + load[p]; s < stop; s++) {
					const v = slots[s];
					if (dist[v] === UNSET) {
						dist[v] = next;
						queue[tail++] = v;
					}
				}
			}
		}
		return limit !== UNSET;
	};

	const augment = (u: number): boolean => {
		const next = dist[u] + 1;
		for (let e = adjStart[u], end = adjStart[u + 1]; e < end; e++) {
			const p = adjProvider[e];
			if (dead[p] === phase || assigned[u] === p) continue;
			if (load[p] < capacity[p]) {
				unassign(state, slotStart, u);
				assign(state, slotStart, u, p);
				return true;
			}
			if (seen[p] !== phase || providerLayer[p] !== dist[u]) continue;
			for (let s = slotStart[p], stop = s + load[p]; s < stop; s++) {
				const v = slots[s];
				if (dist[v] === next && augment(v)) {
					unassign(state, slotStart, u);
					assign(state, slotStart, u, p);
					return true;
				}
			}
			dead[p] = phase;
		}
		dist[u] = UNSET;
		return false;
	};

	for (;;) {
		phase++;
		if (!layer()) break;
		let found = 0;
		for (let d = 0; d < demandCount; d++) {
			if (dist[d] === 0 && assigned[d] === -1 && augment(d)) found++;
		}
		added += found;
		if (found === 0) break;
	}
	return added;
}

/** The prepared graph as a what-if sees it: providers removed, providers added after the base ones. */
export interface ScenarioGraph {
	matching: VacancyMatching;
	baseCount: number;
	/** Added providers per demand index. */
	extraAdj: Map<number, number[]>;
	/** Demand indexes per added provider, nearest first. */
	addedDemand: number[][];
	removed: Uint8Array | null;
	capacity: Int32Array;
	slotStart: Int32Array;
}

/** Work arrays for the searches below, sized once per what-if. */
export interface SearchScratch {
	stamp: number;
	childSeen: Int32Array;
	providerSeen: Int32Array;
	queue: Int32Array;
	linkChild: Int32Array;
	linkProvider: Int32Array;
}

export function createSearchScratch(demandCount: number, providerCount: number): SearchScratch {
	return {
		stamp: 0,
		childSeen: new Int32Array(demandCount),
		providerSeen: new Int32Array(providerCount),
		queue: new Int32Array(demandCount),
		linkChild: new Int32Array(demandCount),
		linkProvider: new Int32Array(demandCount)
	};
}

/**
 * One breadth-first search for an augmenting path from the unmatched child `f` to any provider with
 * room; applies it and returns true, or false when none exists (and then none will appear later:
 * augmenting elsewhere never creates a path from a vertex that had none).
 */
export function augmentFromChild(
	graph: ScenarioGraph,
	state: MatchingState,
	f: number,
	scratch: SearchScratch
): boolean {
	const { adjStart, adjProvider } = graph.matching;
	const { extraAdj, removed, capacity, slotStart } = graph;
	const { assigned, slots, load } = state;
	const stamp = ++scratch.stamp;
	const { childSeen, providerSeen, queue, linkChild, linkProvider } = scratch;
	let head = 0;
	let tail = 0;
	queue[tail++] = f;
	childSeen[f] = stamp;
	linkChild[f] = -1;
	while (head < tail) {
		const u = queue[head++];
		const extra = extraAdj.get(u);
		const baseDegree = adjStart[u + 1] - adjStart[u];
		const degree = baseDegree + (extra ? extra.length : 0);
		for (let i = 0; i < degree; i++) {
			const p = i < baseDegree ? adjProvider[adjStart[u] + i] : extra![i - baseDegree];
			if ((removed && removed[p]) || providerSeen[p] === stamp || assigned[u] === p) continue;
			providerSeen[p] = stamp;
			if (load[p] < capacity[p]) {
				// u takes p; each child up the chain takes the place the one after it left.
				let child = u;
				let target = p;
				while (child !== -1) {
					const previous = linkChild[child];
					const left = linkProvider[child];
					unassign(state, slotStart, child);
					assign(state, slotStart, child, target);
					target = left;
					child = previous;
				}
				return true;
			}
			for (let s = slotStart[p], stop = s + load[p]; s < stop; s++) {
				const v = slots[s];
				if (childSeen[v] === stamp) continue;
				childSeen[v] = stamp;
				linkChild[v] = u;
				linkProvider[v] = p;
				queue[tail++] = v;
			}
		}
	}
	return false;
}

/**
 * One breadth-first search backwards from provider `x` (which has room) for an unmatched child that
 * can reach it along an alternating path; applies it and returns true, or false when none exists.
 * When the matching was maximum before `x` was added, these paths are the only ones that can grow it.
 */
export function augmentIntoProvider(
	graph: ScenarioGraph,
	state: MatchingState,
	x: number,
	scratch: SearchScratch
): boolean {
	const { providerStart, providerDemand } = graph.matching;
	const { baseCount, addedDemand, slotStart } = graph;
	const { assigned } = state;
	const stamp = ++scratch.stamp;
	const { childSeen, providerSeen, queue, linkChild, linkProvider } = scratch;
	let head = 0;
	let tail = 0;

	const apply = (w: number) => {
		// The chain runs w -> ... -> the child that moves into x; move from the x end so places free up first.
		let length = 0;
		for (let child = w; child !== -1; child = linkChild[child]) queue[length++] = child;
		for (let i = length - 1; i >= 0; i--) {
			const child = queue[i];
			unassign(state, slotStart, child);
			assign(state, slotStart, child, linkProvider[child]);
		}
	};
	const visit = (provider: number, via: number): number => {
		const list = provider < baseCount ? null : addedDemand[provider - baseCount];
		const from = list ? 0 : providerStart[provider];
		const to = list ? list.length : providerStart[provider + 1];
		for (let i = from; i < to; i++) {
			const w = list ? list[i] : providerDemand[i];
			if (childSeen[w] === stamp || assigned[w] === provider) continue;
			childSeen[w] = stamp;
			linkChild[w] = via;
			linkProvider[w] = provider;
			if (assigned[w] === -1) return w;
			queue[tail++] = w;
		}
		return -1;
	};

	providerSeen[x] = stamp;
	let free = visit(x, -1);
	while (free === -1 && head < tail) {
		const c = queue[head++];
		const held = assigned[c];
		if (providerSeen[held] === stamp) continue;
		providerSeen[held] = stamp;
		free = visit(held, c);
	}
	if (free === -1) return false;
	apply(free);
	return true;
}
