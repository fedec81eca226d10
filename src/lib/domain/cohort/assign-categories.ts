import type { CohortHome } from './cohort-types';
import { LOCATION_CATEGORIES, type LocationCategory } from './la-targets';
import type { Random } from './random';
import { HOME_KINDS, type Slot } from './slot';
import type { PlacementType } from '../types';

/**
 * How likely a child in residential care is to be in each location cell, relative to the LA's own mix:
 * homes are scarcer than foster carers, so their children are placed further away more often.
 */
const RESIDENTIAL_PREFERENCE: Record<'childrens_home' | 'scarce', Record<LocationCategory, number>> = {
	childrens_home: { inside_near: 1, inside_far: 0, outside_near: 1.5, outside_far: 2.5 },
	scarce: { inside_near: 0.3, inside_far: 0, outside_near: 1, outside_far: 4 }
};

/**
 * Gives each child of one LA a location cell so that the LA's cell counts are met exactly: children in
 * residential care first, leaning to the cells where homes are found (outside the LA, further away) and
 * within what the LA's own homes hold, then the others at random in what is left.
 */
export function assignCategories(
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
