import { bbox, circle } from '@turf/turf';
import type { PublicRadius } from '$lib/server/analysis/suppress-radius';
import { extentFromView } from './extent-from-view';
import { cleanCaption, type MapViewSpec } from './map-view-spec';

const number = (value: number) => value.toLocaleString('en-GB');
const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

/**
 * The radius tool's answer as a live map view for a plan: the circle's box (the same circle the map
 * draws, rounded outwards) and a caption of what lies inside. Homes, places, vacancies and fostering are
 * published figures; children only as the whole demand hexagons of 5 or more the panel shows, and never
 * the reader's own LA's count, which the plan's other readers may not see.
 */
export function radiusMapView(
	result: Pick<PublicRadius, 'center' | 'miles' | 'totals' | 'demand'>,
	placeName: string | null = null
): MapViewSpec {
	const [west, south, east, north] = bbox(circle(result.center, result.miles, { units: 'miles', steps: 96 }));
	const { extent } = extentFromView([west, south, east, north], null);
	const [lon, lat] = result.center;
	const centre = placeName ?? `${lat.toFixed(3)}° N, ${Math.abs(lon).toFixed(3)}° ${lon < 0 ? 'W' : 'E'}`;
	const { totals, demand } = result;
	const children =
		demand.cells > 0 && demand.children >= 5
			? `; ${number(demand.children)} children in ${plural(demand.cells, 'demand hexagon', 'demand hexagons')} of 5 or more`
			: '';
	return {
		layers: ['boundaries', 'fostering', 'hotspots', 'homes'],
		extent: extent ?? { kind: 'region' },
		caption: cleanCaption(
			`Within ${result.miles} miles of ${centre}: ${plural(totals.homes, 'home', 'homes')}, ` +
				`${plural(totals.places, 'place', 'places')}, ${plural(totals.vacancies, 'vacancy', 'vacancies')}; ` +
				`fostering ${plural(totals.fosteringPlaces, 'place', 'places')}${children}`
		)
	};
}
