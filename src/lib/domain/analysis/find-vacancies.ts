import { around } from 'geokdbush';
import type { KDIndex, ProviderColumns } from './analysis-context';
import { EARTH_RADIUS_MILES, haversineMiles } from './haversine-miles';
import { needsMet } from './need-masks';

const RADIANS = Math.PI / 180;
const MILES_PER_DEGREE_LATITUDE = EARTH_RADIUS_MILES * RADIANS;
const KM_PER_MILE = 1.609344;
/** geokdbush measures on a 6,371 km sphere, Turf on 6,371.0088 km: search a hair wider, then filter exactly. */
const SEARCH_SLACK = 1 + 1e-5;

export interface VacancyQuery {
	lon: number;
	lat: number;
	age: number;
	needMask: Uint32Array;
	needOffset: number;
	needWords: number;
}

export interface FoundVacancies {
	providers: number[];
	miles: number[];
}

export function isSuitable(providers: ProviderColumns, p: number, query: VacancyQuery): boolean {
	return (
		query.age >= providers.ageMin[p] &&
		query.age <= providers.ageMax[p] &&
		(providers.anyNeeds[p] === 1 ||
			needsMet(query.needMask, query.needOffset, providers.needMask, p * query.needWords, query.needWords))
	);
}

/** Degrees of longitude and latitude that cover `miles` around `lat` (a box for a first cut). */
export function degreesAround(lat: number, miles: number): { lon: number; lat: number } {
	const dLat = (miles / MILES_PER_DEGREE_LATITUDE) * SEARCH_SLACK;
	const cos = Math.cos(Math.min(89, Math.abs(lat) + dLat) * RADIANS);
	return { lon: dLat / Math.max(cos, 0.01), lat: dLat };
}

/** Every item of `index` within `miles` of a point, nearest first (ties by id). */
export function withinMiles(
	index: KDIndex,
	lon: number,
	lat: number,
	miles: number,
	accept: (id: number) => boolean = () => true
): { ids: number[]; miles: number[] } {
	const box = degreesAround(lat, miles);
	const hits = index.tree.range(lon - box.lon, lat - box.lat, lon + box.lon, lat + box.lat);
	const found: { id: number; miles: number }[] = [];
	for (const kdId of hits) {
		const id = index.ids[kdId];
		if (!accept(id)) continue;
		const distance = haversineMiles(lon, lat, index.lon[kdId], index.lat[kdId]);
		if (distance <= miles) found.push({ id, miles: distance });
	}
	found.sort((a, b) => a.miles - b.miles || a.id - b.id);
	return { ids: found.map((f) => f.id), miles: found.map((f) => f.miles) };
}

/** Reusable output of `suitableWithin`, grown as needed, so the per-child loop allocates nothing. */
export interface Scratch {
	ids: Int32Array;
	miles: Float64Array;
}

export function createScratch(size = 64): Scratch {
	return { ids: new Int32Array(size), miles: new Float64Array(size) };
}

/**
 * Suitable providers within `maxMiles`, nearest first (ties by provider index), written into
 * `scratch`; returns how many. A kd-tree box query, then the exact haversine.
 */
export function suitableWithin(
	index: KDIndex,
	providers: ProviderColumns,
	query: VacancyQuery,
	maxMiles: number,
	scratch: Scratch
): number {
	const box = degreesAround(query.lat, maxMiles);
	const hits = index.tree.range(
		query.lon - box.lon,
		query.lat - box.lat,
		query.lon + box.lon,
		query.lat + box.lat
	);
	let count = 0;
	for (let h = 0; h < hits.length; h++) {
		const p = index.ids[hits[h]];
		if (!isSuitable(providers, p, query)) continue;
		const miles = haversineMiles(query.lon, query.lat, providers.lon[p], providers.lat[p]);
		if (miles > maxMiles) continue;
		if (count === scratch.ids.length) {
			const ids = new Int32Array(count * 2);
			const grown = new Float64Array(count * 2);
			ids.set(scratch.ids);
			grown.set(scratch.miles);
			scratch.ids = ids;
			scratch.miles = grown;
		}
		// Insertion sort: a handful of hits per child.
		let i = count++;
		while (
			i > 0 &&
			(scratch.miles[i - 1] > miles || (scratch.miles[i - 1] === miles && scratch.ids[i - 1] > p))
		) {
			scratch.ids[i] = scratch.ids[i - 1];
			scratch.miles[i] = scratch.miles[i - 1];
			i--;
		}
		scratch.ids[i] = p;
		scratch.miles[i] = miles;
	}
	return count;
}

const STACK = new Float64Array(4 * 64);

/**
 * The nearest suitable provider within `maxMiles` (ties to the lower provider index), or -1; its
 * distance goes to `out[0]`. A depth-first kd-tree walk, nearer half first, pruning the far half by a
 * lower bound on the great-circle distance to its splitting line: a latitude line is |dLat| away; a
 * meridian dLon away is at least asin(cos(lat) sin(dLon)) away. Distances are compared as haversines
 * (monotone in distance), so only the winner pays for the arc.
 */
export function nearestSuitable(
	index: KDIndex,
	providers: ProviderColumns,
	query: VacancyQuery,
	maxMiles: number,
	out: Float64Array
): number {
	const { ids, coords, nodeSize } = index.tree;
	const lon = query.lon;
	const lat = query.lat;
	const cosLat = Math.cos(lat * RADIANS);
	const maxArc = maxMiles / EARTH_RADIUS_MILES;
	let best = maxArc >= Math.PI ? 1 : hav(maxArc);
	let bestId = -1;
	const stack = STACK;
	let sp = 0;
	stack[sp++] = 0;
	stack[sp++] = ids.length - 1;
	stack[sp++] = 0;
	stack[sp++] = 0; // lower bound (haversine) of anything in this node

	while (sp > 0) {
		const bound = stack[--sp];
		const axis = stack[--sp];
		const right = stack[--sp];
		const left = stack[--sp];
		if (bound > best) continue;
		if (right - left <= nodeSize) {
			for (let i = left; i <= right; i++) {
				const a = havAt(coords, i, lon, lat, cosLat);
				if (a > best) continue;
				const p = index.ids[ids[i]];
				if ((a === best && p > bestId && bestId >= 0) || !isSuitable(providers, p, query)) continue;
				best = a;
				bestId = p;
			}
			continue;
		}
		const m = (left + right) >> 1;
		const a = havAt(coords, m, lon, lat, cosLat);
		if (a <= best) {
			const p = index.ids[ids[m]];
			if (!(a === best && p > bestId && bestId >= 0) && isSuitable(providers, p, query)) {
				best = a;
				bestId = p;
			}
		}
		const split = coords[2 * m + axis];
		const delta = (axis === 0 ? lon : lat) - split;
		let farBound: number;
		if (axis === 1) farBound = hav(Math.abs(delta) * RADIANS);
		else {
			const s = Math.min(1, cosLat * Math.sin(Math.min(Math.abs(delta), 90) * RADIANS));
			farBound = (1 - Math.sqrt(1 - s * s)) / 2;
		}
		farBound = Math.max(farBound, bound) * (1 - 1e-12);
		if (sp + 8 > stack.length) throw new Error('kd-tree deeper than expected');
		const nextAxis = 1 - axis;
		// Push the far half first so the near half is searched first (and tightens `best`).
		if (delta < 0) {
			stack[sp++] = m + 1;
			stack[sp++] = right;
			stack[sp++] = nextAxis;
			stack[sp++] = farBound;
			stack[sp++] = left;
			stack[sp++] = m - 1;
			stack[sp++] = nextAxis;
			stack[sp++] = bound;
		} else {
			stack[sp++] = left;
			stack[sp++] = m - 1;
			stack[sp++] = nextAxis;
			stack[sp++] = farBound;
			stack[sp++] = m + 1;
			stack[sp++] = right;
			stack[sp++] = nextAxis;
			stack[sp++] = bound;
		}
	}
	if (bestId >= 0) out[0] = 2 * Math.atan2(Math.sqrt(best), Math.sqrt(1 - best)) * EARTH_RADIUS_MILES;
	return bestId;
}

/** Haversine of the angle between point i of a kd-tree and the query; same operation order as haversineMiles. */
function havAt(coords: ArrayLike<number>, i: number, lon: number, lat: number, cosLat: number): number {
	const y = coords[2 * i + 1];
	const sinHalfLat = Math.sin((y - lat) * RADIANS * 0.5);
	const sinHalfLon = Math.sin((coords[2 * i] - lon) * RADIANS * 0.5);
	return sinHalfLat * sinHalfLat + sinHalfLon * sinHalfLon * (cosLat * Math.cos(y * RADIANS));
}

function hav(theta: number): number {
	const s = Math.sin(theta / 2);
	return s * s;
}

/**
 * The `limit` nearest suitable providers with a vacancy within `radiusMiles`, from one kind's index,
 * nearest first: a kd-tree walk (geokdbush for k > 1), never a pairwise loop.
 */
export function findVacancies(
	index: KDIndex | null,
	providers: ProviderColumns,
	query: VacancyQuery,
	limit: number,
	radiusMiles: number
): FoundVacancies {
	if (!index || limit <= 0) return { providers: [], miles: [] };
	if (limit === 1) {
		const out = new Float64Array(1);
		const p = nearestSuitable(index, providers, query, radiusMiles, out);
		return p < 0 ? { providers: [], miles: [] } : { providers: [p], miles: [out[0]] };
	}
	if (!Number.isFinite(limit)) {
		const within = withinMiles(index, query.lon, query.lat, radiusMiles, (p) =>
			isSuitable(providers, p, query)
		);
		return { providers: within.ids, miles: within.miles };
	}
	const maxKm = Number.isFinite(radiusMiles) ? radiusMiles * KM_PER_MILE * SEARCH_SLACK : Infinity;
	const accept = (kdId: number) => isSuitable(providers, index.ids[kdId], query);
	const kdIds = around(index.tree, query.lon, query.lat, limit, maxKm, accept);
	const result: FoundVacancies = { providers: [], miles: [] };
	for (const kdId of kdIds) {
		const p = index.ids[kdId];
		const distance = haversineMiles(query.lon, query.lat, providers.lon[p], providers.lat[p]);
		if (distance > radiusMiles) continue;
		result.providers.push(p);
		result.miles.push(distance);
	}
	return result;
}
