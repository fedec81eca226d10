import type { PlacementType } from '../types';
import type { ProvisionKind } from './types';

/** Provision kinds in index order; hot loops carry the index, results carry the name. */
export const PROVISION_KINDS: readonly ProvisionKind[] = [
	'childrens_home',
	'secure',
	'residential_school',
	'supported',
	'fostering'
];

export const FOSTERING_KIND_INDEX = 4;

export function provisionKindIndex(kind: ProvisionKind): number {
	return PROVISION_KINDS.indexOf(kind);
}

/**
 * The provision that could take a child, by the placement type they need; -1 for `other` (placed with
 * parents, independent living and so on), for which no home or carer is the answer.
 */
export function provisionIndexFor(placementType: PlacementType): number {
	switch (placementType) {
		case 'foster':
			return FOSTERING_KIND_INDEX;
		case 'childrens_home':
			return 0;
		case 'secure':
			return 1;
		case 'residential_school':
			return 2;
		case 'supported':
			return 3;
		default:
			return -1;
	}
}
