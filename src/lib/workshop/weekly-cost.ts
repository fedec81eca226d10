import type { ProvisionKind } from '../domain/analysis/types';
import { DEFAULT_UNIT_COSTS, PROVISION_KIND_IDS, type UnitCosts } from './schema';

export type PlacesByKind = Record<ProvisionKind, number>;

export function noPlaces(): PlacesByKind {
	return Object.fromEntries(PROVISION_KIND_IDS.map((kind) => [kind, 0])) as PlacesByKind;
}

/** A scenario's unit costs, each kind it leaves out at the default. Pounds per place per week. */
export function unitCostsWithDefaults(costs: UnitCosts | null): Record<ProvisionKind, number> {
	return { ...DEFAULT_UNIT_COSTS, ...(costs ?? {}) };
}

/** Places added (negative: taken away) times their unit cost, in whole pounds per week. */
export function weeklyCost(places: PlacesByKind, costs: Record<ProvisionKind, number>): number {
	return Math.round(PROVISION_KIND_IDS.reduce((sum, kind) => sum + places[kind] * costs[kind], 0));
}
