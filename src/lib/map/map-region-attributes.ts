import type { MapStatus } from './controller';

/**
 * The attributes of a map's container: a labelled region, busy while it draws, whose `data-map-state`
 * tests and styles wait on.
 */
export function mapRegionAttributes(status: MapStatus, label: string) {
	return {
		'data-map-state': status,
		role: 'region',
		'aria-label': label,
		'aria-busy': status === 'loading' || status === 'rendering'
	} as const;
}
