import type { RadiusSummary } from '$lib/domain/analysis';
import type { LonLat } from '$lib/domain/types';
import type { DemandWithin } from './demand-within';

/** What lies inside the circle of homes and fostering: Ofsted's and the LAs' own figures, in full. */
export interface PublicRadiusTotals {
	homes: number;
	places: number;
	vacancies: number;
	/** Fostering capacity of the LAs whose centre (where the map draws it) is inside. */
	fosteringPlaces: number;
	fosteringVacancies: number;
}

/** One LA with a home or its fostering capacity inside the circle. */
export interface PublicRadiusLa extends PublicRadiusTotals {
	code: string;
	name: string;
	/** A member of the RCC the map shows. */
	member: boolean;
}

/** One of the reader's own LAs: its children whose home is inside, which they may see one by one. */
export interface PublicRadiusOwn {
	code: string;
	name: string;
	children: number;
	over20Miles: number;
}

/** The radius tool's answer as it may leave the server. */
export interface PublicRadius {
	center: LonLat;
	miles: number;
	/** The figures cover every LA in England, not only the RCC's members. */
	coverage: 'england';
	totals: PublicRadiusTotals;
	/** Children, as whole demand hexagons of 5 or more whose centre is inside (demand-within.ts). */
	demand: DemandWithin;
	/** The reader's own LAs (commissioners), counted child by child. */
	own: PublicRadiusOwn[];
	/** The homes inside that lie in LAs outside the RCC. */
	outsideRcc: { homes: number; places: number };
	/** By LA name. */
	las: PublicRadiusLa[];
}

export interface RadiusReader {
	/** LA names by code. */
	names: ReadonlyMap<string, string>;
	/** The RCC's member LAs. */
	members: ReadonlySet<string>;
	/** LAs whose children's records the reader may see (their own). */
	own: readonly string[];
}

type Figure = keyof PublicRadiusTotals;

/**
 * A radius summary as it may leave the server: homes and fostering in full, by LA; children only as
 * the demand hexagons hold them (never a count by home point, which two nearly equal circles would
 * give away), except the reader's own LAs' children, whose records they see anyway. No location of a
 * child or a home area leaves.
 */
export function suppressRadius(
	summary: RadiusSummary,
	demand: DemandWithin,
	reader: RadiusReader
): PublicRadius {
	const las = new Map<string, PublicRadiusLa>();
	const la = (code: string) => {
		let row = las.get(code);
		if (!row)
			las.set(
				code,
				(row = {
					code,
					name: reader.names.get(code) ?? code,
					member: reader.members.has(code),
					homes: 0,
					places: 0,
					vacancies: 0,
					fosteringPlaces: 0,
					fosteringVacancies: 0
				})
			);
		return row;
	};
	for (const home of summary.homes) {
		const row = la(home.laCode);
		row.homes++;
		row.places += home.places;
		row.vacancies += home.vacancies;
	}
	for (const carers of summary.fostering) {
		const row = la(carers.laCode);
		row.fosteringPlaces += carers.places;
		row.fosteringVacancies += carers.vacancies;
	}
	const rows = [...las.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
	const outside = rows.filter((row) => !row.member);
	const sum = (items: PublicRadiusLa[], key: Figure) => items.reduce((total, item) => total + item[key], 0);
	const byLa = new Map(summary.childrenByLa.map((owner) => [owner.laCode, owner]));
	return {
		center: summary.center,
		miles: summary.radiusMiles,
		coverage: 'england',
		totals: {
			homes: sum(rows, 'homes'),
			places: sum(rows, 'places'),
			vacancies: sum(rows, 'vacancies'),
			fosteringPlaces: sum(rows, 'fosteringPlaces'),
			fosteringVacancies: sum(rows, 'fosteringVacancies')
		},
		demand,
		own: reader.own.map((code) => ({
			code,
			name: reader.names.get(code) ?? code,
			children: byLa.get(code)?.children ?? 0,
			over20Miles: byLa.get(code)?.over20Miles ?? 0
		})),
		outsideRcc: { homes: sum(outside, 'homes'), places: sum(outside, 'places') },
		las: rows
	};
}
