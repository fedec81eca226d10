import type { RadiusSummary } from '$lib/domain/analysis';
import { suppressTable, type Withheld } from '$lib/domain/suppression';
import type { LonLat } from '$lib/domain/types';

/** What lies inside the circle: homes and fostering in full, children suppressed. */
export interface PublicRadiusTotals {
	homes: number;
	places: number;
	vacancies: number;
	/** Fostering capacity of the LAs whose centre (where the map draws it) is inside. */
	fosteringPlaces: number;
	fosteringVacancies: number;
	/** Children whose home area is inside. */
	children: Withheld;
	over20Miles: Withheld;
}

/** One LA with anything inside the circle. */
export interface PublicRadiusLa extends PublicRadiusTotals {
	code: string;
	name: string;
	/** A member of the RCC the map shows. */
	member: boolean;
}

/** The radius tool's answer as it may leave the server. */
export interface PublicRadius {
	center: LonLat;
	miles: number;
	/** The figures cover every LA in England, not only the RCC's members. */
	coverage: 'england';
	totals: PublicRadiusTotals;
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
	/** LAs whose children's records the reader may see (their own): shown in full. */
	known: (laCode: string) => boolean;
}

const shown = (value: number): Withheld => ({ value, suppressed: false });

/**
 * A radius summary as it may leave the owning LAs: homes and fostering in full (Ofsted's and the
 * LAs' own published figures), children by owning LA as a table of over 20 miles / not, whose row,
 * column and grand totals are published, so primary and secondary suppression (suppressTable) decide
 * together; the reader's own LAs are shown in full. No location of a child or a home area leaves.
 */
export function suppressRadius(summary: RadiusSummary, reader: RadiusReader): PublicRadius {
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
					fosteringVacancies: 0,
					children: shown(0),
					over20Miles: shown(0)
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
	const owners = summary.childrenByLa.filter((owner) => owner.children > 0);
	let children = shown(0);
	let over20Miles = shown(0);
	if (owners.length > 0) {
		const table = suppressTable(
			owners.map((owner) => [owner.over20Miles, owner.children - owner.over20Miles]),
			{
				rowTotals: true,
				columnTotals: true,
				known: (row) => reader.known(owners[row].laCode),
				knownRowTotal: (row) => reader.known(owners[row].laCode)
			}
		);
		owners.forEach((owner, row) => {
			const target = la(owner.laCode);
			target.children = table.rowTotals[row];
			target.over20Miles = table.cells[row][0];
		});
		children = table.total!;
		over20Miles = table.columnTotals[0];
	}
	const rows = [...las.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
	const outside = rows.filter((row) => !row.member);
	const sum = (
		items: PublicRadiusLa[],
		key: 'homes' | 'places' | 'vacancies' | 'fosteringPlaces' | 'fosteringVacancies'
	) => items.reduce((total, item) => total + item[key], 0);
	return {
		center: summary.center,
		miles: summary.radiusMiles,
		coverage: 'england',
		totals: {
			homes: sum(rows, 'homes'),
			places: sum(rows, 'places'),
			vacancies: sum(rows, 'vacancies'),
			fosteringPlaces: sum(rows, 'fosteringPlaces'),
			fosteringVacancies: sum(rows, 'fosteringVacancies'),
			children,
			over20Miles
		},
		outsideRcc: { homes: sum(outside, 'homes'), places: sum(outside, 'places') },
		las: rows
	};
}
