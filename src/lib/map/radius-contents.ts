import { haversineMiles } from '$lib/domain/analysis/haversine-miles';
import type { Homes, Hotspots } from './feature-properties';

export interface RadiusContents {
	homes: number;
	places: number;
	/** Vacancies the homes published; homes without a figure add nothing. */
	vacancies: number;
	/** Hotspot cells lying wholly inside the circle. */
	cells: number;
	/** Children in those cells only: a cell cut by the circle is not counted, so this never overstates. */
	children: number;
}

/**
 * What the radius tool lists: the region's loaded homes and demand cells within `miles` of `center`.
 * A plain scan, since a region loads a few hundred features (withinRadius in src/lib/domain/analysis
 * needs the server's full analysis context, which the map page does not have).
 */
export function radiusContents(
	center: [number, number],
	miles: number,
	homes: Homes,
	hotspots: Hotspots
): RadiusContents {
	const [lon, lat] = center;
	const within = ([x, y]: number[]) => haversineMiles(lon, lat, x, y) <= miles;
	const contents: RadiusContents = { homes: 0, places: 0, vacancies: 0, cells: 0, children: 0 };
	for (const home of homes.features) {
		if (!within(home.geometry.coordinates)) continue;
		contents.homes++;
		contents.places += home.properties.places;
		contents.vacancies += home.properties.vacancies ?? 0;
	}
	for (const cell of hotspots.features) {
		// A hexagon is convex and the circle is too (near enough at these sizes): all corners in, all in.
		if (!cell.geometry.coordinates[0].every(within)) continue;
		contents.cells++;
		contents.children += cell.properties.children;
	}
	return contents;
}
