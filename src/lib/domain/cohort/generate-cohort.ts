import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceMiles, FAR_FROM_HOME_MILES } from '../distance';
import type { Need } from '../needs';
import type { HomeKind, LonLat, PlacementType } from '../types';
import { childProfile, type Sex } from './child-profile';
import { jitter } from './jitter';
import type { LaLocator } from './la-locator';
import {
	ENGLAND_CATEGORY_SHARES,
	LOCATION_CATEGORIES,
	PLACEMENT_TYPES,
	laTargets,
	type CategoryShares,
	type DfeFigures,
	type LaTargets,
	type LocationCategory
} from './la-targets';
import { createRandom, type Random } from './random';

/** Bump when the output for the same input changes, so that seeded data says which generator made it. */
export const COHORT_GENERATOR_VERSION = 2;

/** A population-weighted small-area centroid (LSOA or MSOA), with its deprivation decile if known. */
export interface SmallArea {
	code: string;
	laCode: string;
	point: LonLat;
	/** IMD 2025 decile, 1 = most deprived 10%. */
	imdDecile: number | null;
}

export interface CohortHome {
	urn: string;
	kind: HomeKind;
	point: LonLat;
	places: number;
	ageMin: number;
	ageMax: number;
	needs: readonly Need[];
}

export interface CohortInput {
	seed: string;
	/** The LAs to generate children for, with their DfE 2025 figures. */
	las: readonly { code: string; name?: string; figures: DfeFigures }[];
	locator: LaLocator;
	/** Where children live: small areas of (at least) those LAs, with deprivation. */
	homeAreas: readonly SmallArea[];
	/** Where foster carers and other non-home placements are: small areas of all England. */
	carerAreas: readonly SmallArea[];
	/** Every home children may be placed in, with its places. */
	homes: readonly CohortHome[];
	fallbackShares?: CategoryShares;
	/** Told what is being done, a line at a time (for the seed's progress output). */
	progress?: (message: string) => void;
}

export interface SyntheticChild {
	id: string;
	laCode: string;
	sex: Sex;
	age: number;
	placementType: PlacementType;
	needs: Need[];
	/** The small area the home location was drawn around (LSOA code). */
	homeArea: string;
	home: LonLat;
	placement: LonLat;
	placementLaCode: string;
	placementUrn: string | null;
	miles: number;
	outsideLa: boolean;
	over20Miles: boolean;
}

export interface Cohort {
	children: SyntheticChild[];
	/** Children placed in each home, by URN. */
	occupancy: Map<string, number>;
	targets: Map<string, LaTargets>;
	/** Departures from the targets the geometry forced, one line each (empty when none). */
	adjustments: string[];
}

/** A child's home location is drawn this far (standard deviation) from its small-area centroid. */
export const CHILD_JITTER_METRES = 300;
const CARER_JITTER_METRES = 400;
const KM_PER_MILE = 1.609344;
/**
 * Placements within 20 miles of home are drawn at a distance from a smooth, falling distribution (an
 * exponential cut at 20 miles), then matched to the nearest place a child could live there; choosing
 * among the nearest places instead bunched children within a few miles in dense cities and left 10-20
 * miles nearly empty. Placements further away fall off from 20 miles with a mean of FAR_MEAN_MILES more.
 * Each LA's near mean is chosen so that the two meet at 20 miles with the same density (children per
 * mile), so an LA's distances have no step at the 20-mile line whatever DfE's share over 20 miles is.
 */
const FAR_MEAN_MILES = 25;
const NEAR_MEAN_RANGE = [2, 80] as const;

/** Children per mile at 20 miles of `count` children spread as the near exponential of this mean. */
function nearDensityAt20(count: number, mean: number): number {
	const cut = FAR_FROM_HOME_MILES - 0.5;
	return (count * Math.exp(-cut / mean)) / mean / (1 - Math.exp(-cut / mean));
}

/** The near mean that meets the far tail at 20 miles (bisection; the density grows with the mean). */
export function nearMeanMiles(near: number, far: number): number {
	let [low, high]: number[] = [...NEAR_MEAN_RANGE];
	if (near <= 0) return low;
	const wanted = far / FAR_MEAN_MILES;
	if (nearDensityAt20(near, low) >= wanted) return low;
	if (nearDensityAt20(near, high) <= wanted) return high;
	for (let i = 0; i < 40; i++) {
		const mid = (low + high) / 2;
		if (nearDensityAt20(near, mid) < wanted) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}
const HOME_KINDS: ReadonlySet<PlacementType> = new Set(['childrens_home', 'secure', 'residential_school']);

/**
 * How likely a child in residential care is to be in each location cell, relative to the LA's own mix:
 * homes are scarcer than foster carers, so their children are placed further away more often.
 */
const RESIDENTIAL_PREFERENCE: Record<'childrens_home' | 'scarce', Record<LocationCategory, number>> = {
	childrens_home: { inside_near: 1, inside_far: 0, outside_near: 1.5, outside_far: 2.5 },
	scarce: { inside_near: 0.3, inside_far: 0, outside_near: 1, outside_far: 4 }
};

interface Slot {
	la: string;
	type: PlacementType;
	category: LocationCategory;
	random: Random;
	age: number;
	sex: Sex;
	needs: Need[];
	placed: Omit<SyntheticChild, 'id' | 'laCode' | 'sex' | 'age' | 'placementType' | 'needs'> | null;
}

interface LaContext {
	code: string;
	areas: SmallArea[];
	weights: number[];
	index: KDBush;
	/** Indexes into `areas` from which the cell can be reached; absent = all. */
	feasible: Partial<Record<LocationCategory, number[]>>;
	/** The mean of this LA's near distances (nearMeanMiles). */
	nearMean: number;
}

/**
 * Generates the synthetic looked-after children of the given LAs. For each LA: exactly DfE's count;
 * placement types as DfE's mix; location cells (inside/outside the LA x up to/over 20 miles) as DfE's
 * counts, chosen first by largest remainder; then home locations at deprivation-weighted small-area
 * centroids (jittered, inside the LA) and placements that satisfy each cell geometrically: a real
 * home of the right kind with a free place, or a synthetic carer location. Pure and deterministic.
 */
export function generateCohort(input: CohortInput): Cohort {
	const random = createRandom(input.seed);
	const { locator } = input;
	const adjustments: string[] = [];
	const targets = new Map<string, LaTargets>();

	const homes = input.homes;
	// One index per kind: secure homes and schools are few, and a search should not wade through the rest.
	const homesOfKind = new Map<PlacementType, { ids: number[]; index: KDBush }>();
	for (const kind of HOME_KINDS) {
		const ids = homes.flatMap((home, i) => (home.kind === kind ? [i] : []));
		const index = new KDBush(Math.max(ids.length, 1));
		for (const id of ids) index.add(homes[id].point[0], homes[id].point[1]);
		index.finish();
		homesOfKind.set(kind, { ids, index });
	}
	const free = homes.map((home) => home.places);
	// The LA a home's point falls in (its own LA: home locations are generated inside it).
	const homeLa = homes.map((home) => locator.laAt(home.point));

	const carers = input.carerAreas;
	const carerIndex = new KDBush(Math.max(carers.length, 1));
	for (const area of carers) carerIndex.add(area.point[0], area.point[1]);
	carerIndex.finish();

	const areasByLa = new Map<string, SmallArea[]>();
	for (const area of input.homeAreas) {
		const list = areasByLa.get(area.laCode) ?? [];
		list.push(area);
		areasByLa.set(area.laCode, list);
	}

	const contexts = new Map<string, LaContext>();
	const slotsByLa = new Map<string, Slot[]>();
	const las = [...input.las].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

	for (const [laIndex, la] of las.entries()) {
		const laRandom = random.fork(la.code);
		input.progress?.(
			`Generating ${la.figures.childrenLookedAfter} children for ${la.name ?? la.code} (LA ${laIndex + 1} of ${las.length})`
		);
		const areas = (areasByLa.get(la.code) ?? []).filter((area) => locator.contains(la.code, area.point));
		if (areas.length === 0) throw new Error(`no small-area centroid lies inside LA ${la.code}`);
		const index = new KDBush(areas.length);
		for (const area of areas) index.add(area.point[0], area.point[1]);
		index.finish();
		const context: LaContext = {
			code: la.code,
			areas,
			index,
			weights: areas.map((area) => deprivationWeight(area.imdDecile)),
			feasible: {},
			nearMean: NEAR_MEAN_RANGE[0]
		};
		contexts.set(la.code, context);

		const target = laTargets(la.figures, input.fallbackShares ?? ENGLAND_CATEGORY_SHARES);
		const categories = { ...target.categories };
		if (categories.inside_far > 0) {
			const reach = areasFarApart(areas, FAR_FROM_HOME_MILES + 1);
			if (reach.length === 0) {
				// No two places in the LA are 20 miles apart (DfE measures from postcodes, which can be).
				// Half go outside the LA over 20 miles, half inside within 20, so that neither the
				// outside-LA share nor the over-20-miles share moves by more than half of them.
				const outside = Math.ceil(categories.inside_far / 2);
				adjustments.push(
					`${la.code}: of ${categories.inside_far} inside the LA over 20 miles, ${outside} placed outside the LA ` +
						`over 20 miles and ${categories.inside_far - outside} inside within 20 (the LA is too small)`
				);
				categories.outside_far += outside;
				categories.inside_near += categories.inside_far - outside;
				categories.inside_far = 0;
			} else context.feasible.inside_far = reach;
		}
		if (categories.outside_near > 0) {
			const reach = areas.flatMap((area, i) =>
				around(
					carerIndex,
					area.point[0],
					area.point[1],
					1,
					(FAR_FROM_HOME_MILES - 1) * KM_PER_MILE,
					(id: number) => carers[id].laCode !== la.code
				).length > 0
					? [i]
					: []
			);
			if (reach.length === 0) {
				adjustments.push(
					`${la.code}: ${categories.outside_near} outside within 20 miles -> over 20 miles (no neighbour in reach)`
				);
				categories.outside_far += categories.outside_near;
				categories.outside_near = 0;
			} else context.feasible.outside_near = reach;
		}
		targets.set(la.code, { ...target, categories });
		context.nearMean = nearMeanMiles(
			categories.inside_near + categories.outside_near,
			categories.inside_far + categories.outside_far
		);

		const slots: Slot[] = [];
		for (const type of PLACEMENT_TYPES) {
			for (let i = 0; i < target.types[type]; i++) {
				const slotRandom = laRandom.fork(`${type}-${i}`);
				const profile = childProfile(type, slotRandom);
				slots.push({
					la: la.code,
					type,
					category: 'inside_near',
					random: slotRandom,
					...profile,
					placed: null
				});
			}
		}
		assignCategories(slots, categories, homes, homeLa, la.code, laRandom);
		slotsByLa.set(la.code, slots);
	}

	const all = [...slotsByLa.values()].flat();
	const order = new Map(all.map((slot) => [slot, slot.random.next()]));
	const rank: Record<LocationCategory, number> = {
		inside_near: 0,
		outside_near: 1,
		inside_far: 2,
		outside_far: 3
	};
	const residential = all
		.filter((slot) => HOME_KINDS.has(slot.type))
		.sort((a, b) => rank[a.category] - rank[b.category] || order.get(a)! - order.get(b)!);

	input.progress?.(`Placing ${residential.length} children in children's homes, secure homes and schools…`);
	let fostered = 0;
	for (const slot of residential) {
		if (placeInHome(slot, slot.category)) continue;
		const swapped = LOCATION_CATEGORIES.some((alternative) => {
			if (alternative === slot.category || alternative === 'inside_far') return false;
			const partner = slotsByLa
				.get(slot.la)!
				.find(
					(other) => !HOME_KINDS.has(other.type) && other.placed === null && other.category === alternative
				);
			if (!partner || !placeInHome(slot, alternative)) return false;
			partner.category = slot.category;
			slot.category = alternative;
			return true;
		});
		if (!swapped) {
			slot.type = 'foster';
			fostered += 1;
		}
	}
	if (fostered > 0)
		adjustments.push(
			`${fostered} children found no home of their kind with a place and live with foster carers`
		);

	const others = all.filter((slot) => slot.placed === null);
	input.progress?.(
		`Placing ${others.length} children with foster carers, in supported accommodation and elsewhere…`
	);
	others.forEach((slot, i) => {
		placeWithCarers(slot);
		if ((i + 1) % 5000 === 0) input.progress?.(`…${i + 1} of ${others.length}`);
	});

	const occupancy = new Map<string, number>();
	const children: SyntheticChild[] = [];
	for (const la of las) {
		const slots = slotsByLa.get(la.code)!;
		// Ids in a random order, so that an id says nothing about the placement.
		const ids = random.fork(`${la.code}/ids`).shuffle(slots.map((_, i) => i));
		slots.forEach((slot, i) => {
			const placed = slot.placed!;
			if (placed.placementUrn)
				occupancy.set(placed.placementUrn, (occupancy.get(placed.placementUrn) ?? 0) + 1);
			children.push({
				id: `${la.code}-${String(ids[i] + 1).padStart(5, '0')}`,
				laCode: la.code,
				sex: slot.sex,
				age: slot.age,
				placementType: slot.type,
				needs: slot.needs,
				...placed
			});
		});
	}
	children.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { children, occupancy, targets, adjustments };

	function homeLocation(slot: Slot, category: LocationCategory): { area: SmallArea; point: LonLat } {
		const context = contexts.get(slot.la)!;
		const feasible = context.feasible[category];
		const index = feasible
			? feasible[slot.random.weightedIndex(feasible.map((i) => context.weights[i]))]
			: slot.random.weightedIndex(context.weights);
		const area = context.areas[index];
		for (let attempt = 0; attempt < 12; attempt++) {
			const point = jitter(
				area.point,
				attempt < 8 ? CHILD_JITTER_METRES : CHILD_JITTER_METRES / 4,
				slot.random
			);
			if (locator.contains(slot.la, point)) return { area, point };
		}
		return { area, point: area.point };
	}

	/**
	 * A carer's area at a distance drawn from the near distribution (see NEAR_MEAN_MILES) in a random
	 * direction: the nearest area of the child's own LA (inside) or of another LA (outside) to that spot,
	 * when it is within 20 miles; null after a few tries (the caller then takes the nearest areas).
	 */
	function nearAtDrawnDistance(
		home: LonLat,
		inside: boolean,
		slot: Slot
	): { point: LonLat; miles: number } | null {
		const context = contexts.get(slot.la)!;
		for (let tries = 0; tries < 6; tries++) {
			const spot = destination(
				home,
				nearMiles(slot.random, context.nearMean),
				slot.random.next() * 2 * Math.PI
			);
			const found: LonLat | undefined = inside
				? context.areas[around(context.index, spot[0], spot[1], 1)[0] as number]?.point
				: carers[
						around(
							carerIndex,
							spot[0],
							spot[1],
							1,
							Infinity,
							(i: number) => carers[i].laCode !== slot.la
						)[0] as number
					]?.point;
			if (!found) continue;
			const miles = quickMiles(home, found);
			if (miles <= FAR_FROM_HOME_MILES - 0.5) return { point: found, miles };
		}
		return null;
	}

	function placeInHome(slot: Slot, category: LocationCategory): boolean {
		const inside = category.startsWith('inside');
		const near = category.endsWith('near');
		for (let attempt = 0; attempt < 3; attempt++) {
			const { area, point } = homeLocation(slot, category);
			const { ids, index } = homesOfKind.get(slot.type)!;
			const fits = (local: number) => {
				const id = ids[local];
				return free[id] > 0 && homeLa[id] !== null && (homeLa[id] === slot.la) === inside;
			};
			const candidates = (
				near
					? around(index, point[0], point[1], Infinity, FAR_FROM_HOME_MILES * KM_PER_MILE * 1.001, fits)
					: around(
							index,
							point[0],
							point[1],
							40,
							Infinity,
							(local: number) =>
								fits(local) && quickMiles(point, homes[ids[local]].point) > FAR_FROM_HOME_MILES
						)
			).map((local) => ids[local]);
			const measured = candidates
				.map((id) => ({ id, miles: quickMiles(point, homes[id].point) }))
				.filter(({ miles }) => (near ? miles <= FAR_FROM_HOME_MILES : miles > FAR_FROM_HOME_MILES));
			if (measured.length === 0) continue;
			const suitable = measured.filter(({ id }) => suits(homes[id], slot));
			const pool = suitable.length > 0 ? suitable : measured;
			let chosen: { id: number; miles: number };
			if (near) {
				const wanted = nearMiles(slot.random, contexts.get(slot.la)!.nearMean);
				chosen = pool.reduce((best, c) =>
					Math.abs(c.miles - wanted) < Math.abs(best.miles - wanted) ? c : best
				);
			} else {
				const weights = pool.map(({ miles }) => Math.exp(-(miles - FAR_FROM_HOME_MILES) / FAR_MEAN_MILES));
				chosen = pool[slot.random.weightedIndex(weights)];
			}
			free[chosen.id] -= 1;
			slot.placed = placement(
				area,
				point,
				homes[chosen.id].point,
				homeLa[chosen.id]!,
				homes[chosen.id].urn,
				slot.la
			);
			return true;
		}
		return false;
	}

	function placeWithCarers(slot: Slot): void {
		const inside = slot.category.startsWith('inside');
		const near = slot.category.endsWith('near');
		const context = contexts.get(slot.la)!;
		for (let attempt = 0; attempt < 8; attempt++) {
			const { area, point } = homeLocation(slot, slot.category);
			let pool: { point: LonLat; miles: number }[];
			const drawn = near ? nearAtDrawnDistance(point, inside, slot) : null;
			if (drawn) {
				pool = [drawn];
			} else if (inside && near) {
				pool = around(context.index, point[0], point[1], 60, (FAR_FROM_HOME_MILES - 0.5) * KM_PER_MILE).map(
					(i) => ({
						point: context.areas[i].point,
						miles: quickMiles(point, context.areas[i].point)
					})
				);
			} else if (inside) {
				pool = context.areas
					.map((candidate) => ({ point: candidate.point, miles: quickMiles(point, candidate.point) }))
					.filter(({ miles }) => miles > FAR_FROM_HOME_MILES + 0.5);
			} else if (near) {
				const ids = around(
					carerIndex,
					point[0],
					point[1],
					60,
					(FAR_FROM_HOME_MILES - 0.5) * KM_PER_MILE,
					(id: number) => carers[id].laCode !== slot.la
				);
				pool = ids.map((id) => ({ point: carers[id].point, miles: quickMiles(point, carers[id].point) }));
			} else {
				// Far away: a distance beyond 20 miles (exponential, mean 25 miles further) in a random
				// direction, then the small area nearest that spot. Searching outward from home instead
				// would wade through every area within 20 miles first.
				pool = [];
				for (let tries = 0; tries < 20 && pool.length === 0; tries++) {
					const miles = FAR_FROM_HOME_MILES + 0.5 - FAR_MEAN_MILES * Math.log(1 - slot.random.next());
					const spot = destination(point, Math.min(miles, 250), slot.random.next() * 2 * Math.PI);
					const [id] = around(
						carerIndex,
						spot[0],
						spot[1],
						1,
						Infinity,
						(i: number) => carers[i].laCode !== slot.la
					);
					if (id === undefined) continue;
					const found = quickMiles(point, carers[id].point);
					if (found > FAR_FROM_HOME_MILES + 0.5) pool.push({ point: carers[id].point, miles: found });
				}
			}
			if (pool.length === 0) continue;
			const weights = pool.map(({ miles }) =>
				near ? 1 / (1 + miles) : Math.exp(-(miles - FAR_FROM_HOME_MILES) / 30)
			);
			for (let tries = 0; tries < 10; tries++) {
				const carer = jitter(
					pool[slot.random.weightedIndex(weights)].point,
					CARER_JITTER_METRES,
					slot.random
				);
				const carerLa = locator.laAt(carer);
				if (carerLa === null || (carerLa === slot.la) !== inside) continue;
				const miles = distanceMiles(point, carer);
				if (miles > FAR_FROM_HOME_MILES === near) continue;
				slot.placed = placement(area, point, carer, carerLa, null, slot.la);
				return;
			}
		}
		throw new Error(`could not place a ${slot.type} child of ${slot.la} in cell ${slot.category}`);
	}
}

/** A distance within 20 miles from the near distribution: exponential of this mean, cut at 19.5 miles. */
export function nearMiles(random: Random, mean: number): number {
	const cut = FAR_FROM_HOME_MILES - 0.5;
	return -mean * Math.log(1 - random.next() * (1 - Math.exp(-cut / mean)));
}

const EARTH_RADIUS_MILES = 6_371_008.8 / 1609.344;
const RADIANS = Math.PI / 180;

/**
 * The same great-circle distance as Turf's (haversine, radius 6,371,008.8 m) without its argument
 * checks, for the many candidate tests; the distances kept are measured again with distanceMiles.
 */
function quickMiles(a: LonLat, b: LonLat): number {
	const dLat = (b[1] - a[1]) * RADIANS;
	const dLon = (b[0] - a[0]) * RADIANS;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(a[1] * RADIANS) * Math.cos(b[1] * RADIANS);
	return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)) * EARTH_RADIUS_MILES;
}

/** The point `miles` away from `from` on the initial bearing `bearing` (radians from north). */
function destination(from: LonLat, miles: number, bearing: number): LonLat {
	const angle = miles / EARTH_RADIUS_MILES;
	const lat1 = from[1] * RADIANS;
	const lon1 = from[0] * RADIANS;
	const lat2 = Math.asin(
		Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing)
	);
	const lon2 =
		lon1 +
		Math.atan2(
			Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
			Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2)
		);
	return [lon2 / RADIANS, lat2 / RADIANS];
}

function placement(area: SmallArea, home: LonLat, at: LonLat, atLa: string, urn: string | null, la: string) {
	const miles = distanceMiles(home, at);
	return {
		homeArea: area.code,
		home,
		placement: at,
		placementLaCode: atLa,
		placementUrn: urn,
		miles,
		outsideLa: atLa !== la,
		over20Miles: miles > FAR_FROM_HOME_MILES
	};
}

function suits(home: CohortHome, slot: Slot): boolean {
	if (slot.age < home.ageMin || slot.age > home.ageMax) return false;
	return slot.needs.length === 0 || home.needs.includes(slot.needs[0]);
}

/**
 * Looked-after children come disproportionately from deprived areas: the most deprived decile weighs
 * eight times the least deprived (2^(9/3)).
 */
export function deprivationWeight(decile: number | null): number {
	if (decile === null) return 1;
	return 2 ** ((10 - decile) / 3);
}

/** Indexes of the areas with another area of the same list more than `miles` away. */
function areasFarApart(areas: readonly SmallArea[], miles: number): number[] {
	const result: number[] = [];
	areas.forEach((area, i) => {
		if (areas.some((other) => quickMiles(area.point, other.point) > miles)) result.push(i);
	});
	return result;
}

/**
 * Gives each child of one LA a location cell so that the LA's cell counts are met exactly: children in
 * residential care first, leaning to the cells where homes are found (outside the LA, further away) and
 * within what the LA's own homes hold, then the others at random in what is left.
 */
function assignCategories(
	slots: Slot[],
	counts: Record<LocationCategory, number>,
	homes: readonly CohortHome[],
	homeLa: readonly (string | null)[],
	laCode: string,
	random: Random
): void {
	const remaining = { ...counts };
	const ownPlaces = new Map<PlacementType, number>();
	homes.forEach((home, i) => {
		if (homeLa[i] === laCode) ownPlaces.set(home.kind, (ownPlaces.get(home.kind) ?? 0) + home.places);
	});
	// Children of other LAs use the same homes: count on at most 60% of the LA's own places.
	const insideBudget = new Map([...ownPlaces].map(([kind, places]) => [kind, Math.floor(places * 0.6)]));
	const residential = slots.filter((slot) => HOME_KINDS.has(slot.type));
	const others = slots.filter((slot) => !HOME_KINDS.has(slot.type));
	for (const slot of residential) {
		const preference = RESIDENTIAL_PREFERENCE[slot.type === 'childrens_home' ? 'childrens_home' : 'scarce'];
		const budget = insideBudget.get(slot.type) ?? 0;
		let index = random.weightedIndex(
			LOCATION_CATEGORIES.map(
				(category) =>
					remaining[category] * preference[category] * (category === 'inside_near' && budget <= 0 ? 0 : 1)
			)
		);
		if (index < 0) index = random.weightedIndex(LOCATION_CATEGORIES.map((category) => remaining[category]));
		const category = LOCATION_CATEGORIES[index];
		remaining[category] -= 1;
		if (category === 'inside_near') insideBudget.set(slot.type, budget - 1);
		slot.category = category;
	}
	const left = LOCATION_CATEGORIES.flatMap((category) =>
		Array<LocationCategory>(remaining[category]).fill(category)
	);
	random.shuffle(left);
	others.forEach((slot, i) => {
		slot.category = left[i];
	});
}
