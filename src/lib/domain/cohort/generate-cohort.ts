import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { FAR_FROM_HOME_MILES } from '../distance';
import type { PlacementType } from '../types';
import { childProfile } from './child-profile';
import type { Cohort, CohortInput, SmallArea, SyntheticChild } from './cohort-types';
import {
	ENGLAND_CATEGORY_SHARES,
	LOCATION_CATEGORIES,
	PLACEMENT_TYPES,
	laTargets,
	type LaTargets,
	type LocationCategory
} from './la-targets';
import { assignCategories } from './assign-categories';
import { NEAR_MEAN_RANGE, nearMeanMiles } from './near-distance';
import { ChildPlacer, KM_PER_MILE } from './placer';
import { createRandom } from './random';
import { HOME_KINDS, type LaContext, type Slot } from './slot';
import { quickMiles } from './spherical';

export type { Cohort, CohortHome, CohortInput, SmallArea, SyntheticChild } from './cohort-types';

/** Bump when the output for the same input changes, so that seeded data says which generator made it. */
export const COHORT_GENERATOR_VERSION = 2;

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

	const placer = new ChildPlacer({ homes, homesOfKind, free, homeLa, carers, carerIndex, contexts, locator });
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
		if (placer.placeInHome(slot, slot.category)) continue;
		const swapped = LOCATION_CATEGORIES.some((alternative) => {
			if (alternative === slot.category || alternative === 'inside_far') return false;
			const partner = slotsByLa
				.get(slot.la)!
				.find(
					(other) => !HOME_KINDS.has(other.type) && other.placed === null && other.category === alternative
				);
			if (!partner || !placer.placeInHome(slot, alternative)) return false;
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
		placer.placeWithCarers(slot);
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
