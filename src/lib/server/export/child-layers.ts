import { distanceMiles, FAR_FROM_HOME_MILES } from '$lib/domain/distance';
import { ENGLAND_ID, type LonLat } from '$lib/domain/types';
import { canSeeChildLocations, canSeeChildRecords, denied } from '../access';
import { DEFAULT_GAP_RESOLUTION, gapCells } from '../analysis/gap-cells';
import { hotspotCells } from '../analysis/hotspot-cells';
import * as children from '../db/children';
import { round } from '../geojson';
import { notFound } from '../responses';
import { WITHHELD, type ExportLayer } from './export-table';

/** The hotspots layer: hexagons of 5 or more children, as the map draws them for this reader. */
export const hotspotsExport: ExportLayer = async ({ sql, rcc, user }) => {
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const cells = await hotspotCells(sql, rcc, user);
	return {
		columns: ['h3', 'children', 'over20Miles'],
		rows: cells.map((cell) => ({
			geometry: { type: 'Polygon', coordinates: [cell.ring] },
			values: { h3: cell.h3, children: cell.children, over20Miles: cell.over20Miles ?? WITHHELD }
		}))
	};
};

/**
 * The gaps layer at the map's resolution, ranked, with what would serve each cell's largest group:
 * the cells gaps.json publishes to this reader and nothing more (a cell's split by LA stays out, as
 * there, except the reader's own LAs' share).
 */
export const gapsExport: ExportLayer = async ({ sql, rcc, user }) => {
	if (rcc.id === ENGLAND_ID) return notFound('The analysis is per RCC.');
	if (!canSeeChildLocations(user, rcc.id)) return denied(user);
	const cells = await gapCells(sql, rcc, user, DEFAULT_GAP_RESOLUTION);
	const ownColumn = rcc.laCodes.some((code) => canSeeChildRecords(user, code));
	return {
		columns: [
			'rank',
			'h3',
			'children',
			...(ownColumn ? ['ownChildren'] : []),
			'suggestedKind',
			'suggestedAgeMin',
			'suggestedAgeMax',
			'suggestedNeeds',
			'suggestedPlaces'
		],
		rows: cells.map((cell) => {
			const suggestion = cell.unserved.suggestion;
			return {
				geometry: { type: 'Polygon', coordinates: [cell.ring] },
				values: {
					rank: cell.rank,
					h3: cell.cell,
					children: cell.children,
					...(ownColumn ? { ownChildren: cell.ownChildren ?? null } : {}),
					suggestedKind: suggestion?.kind ?? null,
					suggestedAgeMin: suggestion?.ageMin ?? null,
					suggestedAgeMax: suggestion?.ageMax ?? null,
					suggestedNeeds: suggestion ? suggestion.needs.join('; ') : null,
					suggestedPlaces: suggestion?.places ?? null
				}
			};
		})
	};
};

/**
 * Child-level records: each child of the reader's own LA with a known placement, as a line from their
 * generalised home location to it (placements.geojson). Nobody else receives any: 403.
 */
export const placementsExport: ExportLayer = async ({ sql, rcc, user }) => {
	const own = rcc.id === ENGLAND_ID ? [] : rcc.laCodes.filter((code) => canSeeChildRecords(user, code));
	if (own.length === 0)
		return Response.json(
			{ message: "Child-level records are exported to the commissioners of the children's own LA only." },
			{ status: 403 }
		);
	const rows = await children.ofLas(sql, own);
	const placed = rows.filter(
		(child): child is typeof child & { placement: LonLat } => child.placement !== null
	);
	return {
		columns: [
			'childId',
			'laCode',
			'placementType',
			'placementLaCode',
			'urn',
			'miles',
			'outsideLa',
			'over20Miles',
			'homeLon',
			'homeLat',
			'placementLon',
			'placementLat'
		],
		rows: placed.map((child) => {
			const miles = distanceMiles(child.home, child.placement);
			return {
				geometry: { type: 'LineString', coordinates: [child.home, child.placement] },
				values: {
					childId: child.id,
					laCode: child.laCode,
					placementType: child.placementType,
					placementLaCode: child.placementLaCode,
					urn: child.urn,
					miles: Math.round(miles * 10) / 10,
					outsideLa: child.placementLaCode !== null && child.placementLaCode !== child.laCode,
					over20Miles: miles > FAR_FROM_HOME_MILES,
					homeLon: round(child.home[0]),
					homeLat: round(child.home[1]),
					placementLon: round(child.placement[0]),
					placementLat: round(child.placement[1])
				}
			};
		})
	};
};
