import type KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceMiles, FAR_FROM_HOME_MILES } from '../distance';
import type { LonLat, PlacementType } from '../types';
import type { CohortHome, SmallArea } from './cohort-types';
import { jitter } from './jitter';
import type { LaLocator } from './la-locator';
import type { LocationCategory } from './la-targets';
import { FAR_MEAN_MILES, nearMiles } from './near-distance';
import { destination, quickMiles } from './spherical';
import { placement, suits, type LaContext, type Slot } from './slot';

/** A child's home location is drawn this far (standard deviation) from its small-area centroid. */
export const CHILD_JITTER_METRES = 300;
const CARER_JITTER_METRES = 400;
export const KM_PER_MILE = 1.609344;

/** Where the generator may place children: homes with their free places, carers' areas, each LA's areas. */
export interface PlacerInput {
	homes: readonly CohortHome[];
	/** One index per kind: secure homes and schools are few, and a search should not wade through the rest. */
	homesOfKind: ReadonlyMap<PlacementType, { ids: number[]; index: KDBush }>;
	/** Free places left per home, taken as children are placed. */
	free: number[];
	/** The LA a home's point falls in (its own LA: home locations are generated inside it). */
	homeLa: readonly (string | null)[];
	carers: readonly SmallArea[];
	carerIndex: KDBush;
	contexts: ReadonlyMap<string, LaContext>;
	locator: LaLocator;
}

/**
 * Places one child at a time so that their location cell (inside or outside the LA, up to or over 20
 * miles) holds geometrically: in a real home of their kind with a free place, or with a synthetic
 * carer; their home location is drawn at a deprivation-weighted small area of their LA.
 */
export class ChildPlacer {
	private readonly homes: PlacerInput['homes'];
	private readonly homesOfKind: PlacerInput['homesOfKind'];
	private readonly free: PlacerInput['free'];
	private readonly homeLa: PlacerInput['homeLa'];
	private readonly carers: PlacerInput['carers'];
	private readonly carerIndex: PlacerInput['carerIndex'];
	private readonly contexts: PlacerInput['contexts'];
	private readonly locator: PlacerInput['locator'];

	constructor(input: PlacerInput) {
		this.homes = input.homes;
		this.homesOfKind = input.homesOfKind;
		this.free = input.free;
		this.homeLa = input.homeLa;
		this.carers = input.carers;
		this.carerIndex = input.carerIndex;
		this.contexts = input.contexts;
		this.locator = input.locator;
	}

	homeLocation(slot: Slot, category: LocationCategory): { area: SmallArea; point: LonLat } {
		const context = this.contexts.get(slot.la)!;
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
			if (this.locator.contains(slot.la, point)) return { area, point };
		}
		return { area, point: area.point };
	}

	/**
	 * A carer's area at a distance drawn from the near distribution (see NEAR_MEAN_MILES) in a random
	 * direction: the nearest area of the child's own LA (inside) or of another LA (outside) to that spot,
	 * when it is within 20 miles; null after a few tries (the caller then takes the nearest areas).
	 */
	nearAtDrawnDistance(home: LonLat, inside: boolean, slot: Slot): { point: LonLat; miles: number } | null {
		const context = this.contexts.get(slot.la)!;
		for (let tries = 0; tries < 6; tries++) {
			const spot = destination(
				home,
				nearMiles(slot.random, context.nearMean),
				slot.random.next() * 2 * Math.PI
			);
			const found: LonLat | undefined = inside
				? context.areas[around(context.index, spot[0], spot[1], 1)[0] as number]?.point
				: this.carers[
						around(
							this.carerIndex,
							spot[0],
							spot[1],
							1,
							Infinity,
							(i: number) => this.carers[i].laCode !== slot.la
						)[0] as number
					]?.point;
			if (!found) continue;
			const miles = quickMiles(home, found);
			if (miles <= FAR_FROM_HOME_MILES - 0.5) return { point: found, miles };
		}
		return null;
	}

	placeInHome(slot: Slot, category: LocationCategory): boolean {
		const inside = category.startsWith('inside');
		const near = category.endsWith('near');
		for (let attempt = 0; attempt < 3; attempt++) {
			const { area, point } = this.homeLocation(slot, category);
			const { ids, index } = this.homesOfKind.get(slot.type)!;
			const fits = (local: number) => {
				const id = ids[local];
				return this.free[id] > 0 && this.homeLa[id] !== null && (this.homeLa[id] === slot.la) === inside;
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
								fits(local) && quickMiles(point, this.homes[ids[local]].point) > FAR_FROM_HOME_MILES
						)
			).map((local) => ids[local]);
			const measured = candidates
				.map((id) => ({ id, miles: quickMiles(point, this.homes[id].point) }))
				.filter(({ miles }) => (near ? miles <= FAR_FROM_HOME_MILES : miles > FAR_FROM_HOME_MILES));
			if (measured.length === 0) continue;
			const suitable = measured.filter(({ id }) => suits(this.homes[id], slot));
			const pool = suitable.length > 0 ? suitable : measured;
			let chosen: { id: number; miles: number };
			if (near) {
				const wanted = nearMiles(slot.random, this.contexts.get(slot.la)!.nearMean);
				chosen = pool.reduce((best, c) =>
					Math.abs(c.miles - wanted) < Math.abs(best.miles - wanted) ? c : best
				);
			} else {
				const weights = pool.map(({ miles }) => Math.exp(-(miles - FAR_FROM_HOME_MILES) / FAR_MEAN_MILES));
				chosen = pool[slot.random.weightedIndex(weights)];
			}
			this.free[chosen.id] -= 1;
			slot.placed = placement(
				area,
				point,
				this.homes[chosen.id].point,
				this.homeLa[chosen.id]!,
				this.homes[chosen.id].urn,
				slot.la
			);
			return true;
		}
		return false;
	}

	placeWithCarers(slot: Slot): void {
		const inside = slot.category.startsWith('inside');
		const near = slot.category.endsWith('near');
		const context = this.contexts.get(slot.la)!;
		for (let attempt = 0; attempt < 8; attempt++) {
			const { area, point } = this.homeLocation(slot, slot.category);
			let pool: { point: LonLat; miles: number }[];
			const drawn = near ? this.nearAtDrawnDistance(point, inside, slot) : null;
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
					this.carerIndex,
					point[0],
					point[1],
					60,
					(FAR_FROM_HOME_MILES - 0.5) * KM_PER_MILE,
					(id: number) => this.carers[id].laCode !== slot.la
				);
				pool = ids.map((id) => ({
					point: this.carers[id].point,
					miles: quickMiles(point, this.carers[id].point)
				}));
			} else {
				// Far away: a distance beyond 20 miles (exponential, mean 25 miles further) in a random
				// direction, then the small area nearest that spot. Searching outward from home instead
				// would wade through every area within 20 miles first.
				pool = [];
				for (let tries = 0; tries < 20 && pool.length === 0; tries++) {
					const miles = FAR_FROM_HOME_MILES + 0.5 - FAR_MEAN_MILES * Math.log(1 - slot.random.next());
					const spot = destination(point, Math.min(miles, 250), slot.random.next() * 2 * Math.PI);
					const [id] = around(
						this.carerIndex,
						spot[0],
						spot[1],
						1,
						Infinity,
						(i: number) => this.carers[i].laCode !== slot.la
					);
					if (id === undefined) continue;
					const found = quickMiles(point, this.carers[id].point);
					if (found > FAR_FROM_HOME_MILES + 0.5) pool.push({ point: this.carers[id].point, miles: found });
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
				const carerLa = this.locator.laAt(carer);
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
