export type MilesOrder = 'furthest' | 'nearest';

/** A copy sorted by miles, furthest or nearest first; ties by id, so the order is stable across pages. */
export function sortByMiles<T extends { id: string; miles: number }>(
	items: readonly T[],
	order: MilesOrder
): T[] {
	const sign = order === 'furthest' ? -1 : 1;
	return [...items].sort((a, b) => sign * (a.miles - b.miles) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
