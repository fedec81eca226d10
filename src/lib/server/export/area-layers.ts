import { per10k } from '$lib/domain/per-10k';
import type { AreaSummary, Compared } from '$lib/domain/types';
import { canSeeHomes, denied } from '../access';
import * as fostering from '../db/fostering';
import * as homes from '../db/homes';
import * as las from '../db/las';
import { rccSummary } from '../rcc-summary';
import { round } from '../geojson';
import { WITHHELD, type ExportLayer, type ExportValue } from './export-table';

const FIGURES = [
	'childrenLookedAfter',
	'percentOutsideLa',
	'percentOver20Miles',
	'homes',
	'places',
	'vacancies',
	'fosteringPlaces'
] as const satisfies readonly (keyof AreaSummary)[];

/** Each figure as the summary shows it, then the published one beside it. */
function compared(area: AreaSummary): Record<string, ExportValue> {
	const out: Record<string, ExportValue> = {};
	for (const name of FIGURES) {
		const figure: Compared = area[name];
		out[name] = figure.suppressed ? WITHHELD : figure.computed;
		out[`${name}Published`] = figure.published;
	}
	return out;
}

/**
 * The member LAs with their summary figures, then the region's total (no geometry): exactly the
 * summary this reader gets (GET /summary), suppressed for them, so nothing here can be set against it.
 */
export const lasExport: ExportLayer = async ({ sql, rcc, user }) => {
	const summary = await rccSummary(sql, rcc, user);
	const boundaries = await las.boundariesAround(sql, rcc.laCodes, 0);
	const geometry = new Map(boundaries.map((la) => [la.code, la.geometry]));
	return {
		columns: ['code', 'name', 'area', ...FIGURES.flatMap((name) => [name, `${name}Published`])],
		rows: [
			...summary.las.map((area) => ({
				geometry: geometry.get(area.code) ?? null,
				values: { code: area.code, name: area.name, area: 'la', ...compared(area) }
			})),
			{
				geometry: null,
				values: {
					code: summary.region.code,
					name: summary.region.name,
					area: 'region',
					...compared(summary.region)
				}
			}
		]
	};
};

/** The LAs the fostering layer colours (members and their neighbours), with capacity per 10,000 children. */
export const fosteringExport: ExportLayer = async ({ sql, rcc }) => {
	const boundaries = await las.boundariesAround(sql, rcc.laCodes, las.MAP_CONTEXT_MARGIN_DEGREES);
	const capacity = new Map(
		(
			await fostering.ofLas(
				sql,
				boundaries.map((la) => la.code)
			)
		).map((row) => [row.laCode, row])
	);
	return {
		columns: [
			'code',
			'name',
			'member',
			'population0to17',
			'fosteringHouseholds',
			'fosteringPlaces',
			'fosteringVacancies',
			'fosteringPlacesPer10k',
			'fosteringVacanciesPer10k'
		],
		rows: boundaries.map((la) => {
			const row = capacity.get(la.code);
			return {
				geometry: la.geometry,
				values: {
					code: la.code,
					name: la.name,
					member: la.member,
					population0to17: la.population0to17,
					fosteringHouseholds: row?.households ?? null,
					fosteringPlaces: row?.places ?? null,
					fosteringVacancies: row?.vacancies ?? null,
					fosteringPlacesPer10k: per10k(row?.places ?? null, la.population0to17),
					fosteringVacanciesPer10k: per10k(row?.vacancies ?? null, la.population0to17)
				}
			};
		})
	};
};

/** The homes in the member LAs (Ofsted's open data; locations approximate), as homes.geojson. */
export const homesExport: ExportLayer = async ({ sql, rcc, user }) => {
	if (!canSeeHomes(user, rcc.id)) return denied(user);
	const rows = await homes.inLas(sql, rcc.laCodes);
	return {
		columns: [
			'urn',
			'laCode',
			'laName',
			'provisionType',
			'kind',
			'sector',
			'places',
			'vacancies',
			'owner',
			'gradeOverall',
			'inspectionDate',
			'approximate',
			'lon',
			'lat'
		],
		rows: rows.map((home) => ({
			geometry: { type: 'Point', coordinates: [home.lon, home.lat] },
			values: {
				urn: home.urn,
				laCode: home.laCode,
				laName: home.laName,
				provisionType: home.provisionType,
				kind: home.kind,
				sector: home.sector,
				places: home.places,
				vacancies: home.vacancies,
				owner: home.owner,
				gradeOverall: home.gradeOverall,
				inspectionDate: home.inspectionDate,
				approximate: home.approximate,
				lon: round(home.lon),
				lat: round(home.lat)
			}
		}))
	};
};
