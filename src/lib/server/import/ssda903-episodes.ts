import type { LonLat, PlacementType } from '../../domain/types';
import { CHILD_ID, type HeaderChild } from './ssda903-header';
import { IntColumns } from './int-columns';
import { type DayNumber, formatDate, parseDate } from './parse-date';
import { postcodeSector } from './postcode-sector';
import type { ProblemList } from './problem-list';
import type { FileRow } from './read-csv-rows';
import {
	CIN,
	LS,
	LS_FOR_ADOPTION,
	LS_SHORT_BREAKS,
	PLACE,
	PLACE_ADOPTION,
	PLACE_CHILDRENS_HOME,
	PLACE_PROVIDER,
	REC,
	RNE,
	URN_NOT_APPLICABLE
} from './ssda903-codes';

export const SSDA903_EPISODES_COLUMNS = [
	'CHILD',
	'DECOM',
	'RNE',
	'LS',
	'CIN',
	'PLACE',
	'PLACE_PROVIDER',
	'DEC',
	'REC',
	'REASON_PLACE_CHANGE',
	'HOME_POST',
	'PL_POST',
	'URN'
] as const;

/** A child's placement at the collection date, as the app stores it (children table). */
export interface CurrentPlacement {
	childId: string;
	sex: 'male' | 'female';
	age: number;
	placementType: PlacementType;
	/** The postcode sector the child lived in, or null when only the LA is known. */
	homeArea: string | null;
	home: LonLat;
	placement: LonLat;
	/** Null when the placement lies outside England. */
	placementLaCode: string | null;
	urn: string | null;
}

/** Where things are, as far as the database knows (postcode sectors, Ofsted homes, LA boundaries). */
export interface Places {
	laCode: string;
	/** The LA's population-weighted centroid: where a child goes whose postcode sector is unknown. */
	laCentroid: LonLat;
	sector(sector: string): LonLat | null;
	home(urn: string): { point: LonLat; laCode: string } | null;
	laAt(point: LonLat): string | null;
}

export interface EpisodesCheckOptions {
	asAt: DayNumber;
	hash: (child: string) => string;
	/** The LA's header file as imported, by child id. */
	header: ReadonlyMap<string, HeaderChild>;
	places: Places;
	problems: ProblemList;
}

const URN = /^(SC)?\d{6,7}$/i;
const OPEN = -1;

interface OpenEpisode {
	row: number;
	childId: string;
	place: string;
	homePost: string;
	plPost: string;
	urn: string | null;
	shortBreak: boolean;
}

function codeOf(list: Record<string, unknown> | readonly string[], value: string): string | null {
	const code = value.trim().toUpperCase();
	if (Array.isArray(list)) return list.includes(code) ? code : null;
	return code in list ? code : null;
}

function listOf(list: Record<string, unknown> | readonly string[]): string {
	return (Array.isArray(list) ? list : Object.keys(list)).join(', ');
}

/**
 * Checks episode rows as they stream against the DfE's rules, then (in `finish`) across rows: no two
 * episodes of a child overlap, at most one is open and it is the latest. The children looked after at
 * the collection date are those with an open episode (DEC blank), short breaks (V3, V4) aside.
 */
export class EpisodesCheck {
	private readonly children = new Map<string, number>();
	private readonly childIds: string[] = [];
	private readonly episodes = new IntColumns(['child', 'decom', 'dec', 'row'] as const);
	private readonly open = new Map<number, OpenEpisode>();
	rows = 0;

	constructor(private readonly options: EpisodesCheckOptions) {}

	add({ row, cells }: FileRow): void {
		this.rows++;
		const { problems, asAt } = this.options;
		let ok = true;
		const error = (column: string, problem: string, fix: string) => {
			ok = false;
			problems.error({ row, column, value: cells[column], problem, fix });
		};
		const code = (column: string, list: Record<string, unknown> | readonly string[], blankOk = false) => {
			const value = cells[column].trim();
			if (blankOk && value === '') return null;
			const found = codeOf(list, value);
			if (!found)
				error(
					column,
					value === '' ? 'missing' : 'not a code of the DfE list',
					`write one of ${listOf(list)}`
				);
			return found;
		};
		const child = cells.CHILD.trim();
		if (!CHILD_ID.test(child)) {
			error(
				'CHILD',
				'not a child identifier',
				"give the child's id from your system: 1 to 10 letters or digits, as in the header file"
			);
			return;
		}
		const childId = this.options.hash(child);
		const known = this.options.header.get(childId);
		if (!known)
			error(
				'CHILD',
				'no such child in the header file imported for this LA',
				'import the header file holding this child first, or correct the id'
			);

		const date = (column: 'DECOM' | 'DEC', blankOk: boolean): DayNumber | null => {
			const value = cells[column].trim();
			if (value === '' && blankOk) return null;
			const day = parseDate(value);
			if (day === null)
				error(column, value === '' ? 'missing' : 'not a date', 'write the date as dd/mm/yyyy');
			else if (day > asAt)
				error(
					column,
					`after the collection date ${formatDate(asAt)}`,
					'check the date; a future date is not allowed'
				);
			return day;
		};
		const decom = date('DECOM', false);
		const dec = date('DEC', true);
		if (decom !== null && dec !== null && dec < decom)
			error(
				'DEC',
				`before the start of the episode (DECOM ${formatDate(decom)})`,
				'the episode must end on or after the day it began'
			);
		code('RNE', RNE);
		const ls = code('LS', LS);
		code('CIN', CIN);
		const place = code('PLACE', PLACE);
		code('PLACE_PROVIDER', PLACE_PROVIDER);
		const rec = code('REC', REC, true);
		if (dec !== null && rec === null && cells.REC.trim() === '')
			error(
				'REC',
				'missing for an episode that ended',
				`give the reason the episode ended: one of ${listOf(REC)}`
			);
		if (dec === null && rec !== null)
			error(
				'REC',
				'given for an episode that has not ended (DEC is blank)',
				'leave REC blank while the episode is open, or give DEC'
			);
		if (place && ls && PLACE_ADOPTION.has(place) && !LS_FOR_ADOPTION.has(ls))
			error(
				'LS',
				`not valid with PLACE ${place} (placed for adoption)`,
				'a child placed for adoption has legal status D1 or E1'
			);
		const urnText = cells.URN.trim().toUpperCase();
		let urn: string | null = null;
		if (urnText !== '' && urnText !== URN_NOT_APPLICABLE) {
			if (!URN.test(urnText))
				error(
					'URN',
					'not an Ofsted URN',
					`write the setting's Ofsted URN (e.g. SC123456 or 2590934), or ${URN_NOT_APPLICABLE}`
				);
			else urn = urnText;
		}
		if (
			place &&
			PLACE_CHILDRENS_HOME.has(place) &&
			!urn &&
			(urnText === '' || urnText === URN_NOT_APPLICABLE)
		)
			error(
				'URN',
				`missing for a children's home placement (PLACE ${place})`,
				"give the Ofsted URN of the children's home"
			);
		for (const column of ['HOME_POST', 'PL_POST'] as const) {
			const value = cells[column].trim();
			if (value !== '' && !postcodeSector(value))
				error(
					column,
					'not a postcode sector',
					'write the postcode sector, e.g. M14 5 (the full postcode is cut to it), or leave it blank'
				);
		}
		if (!ok || decom === null || !known) return;

		let index = this.children.get(childId);
		if (index === undefined) {
			index = this.childIds.length;
			this.children.set(childId, index);
			this.childIds.push(childId);
		}
		this.episodes.push({ child: index, decom, dec: dec ?? OPEN, row });
		if (dec === null) {
			this.open.set(this.episodes.length - 1, {
				row,
				childId,
				place: place!,
				homePost: cells.HOME_POST,
				plPost: cells.PL_POST,
				urn,
				shortBreak: LS_SHORT_BREAKS.has(ls!)
			});
		}
	}

	/** The cross-row rules, then the current placements (only meaningful when there are no errors). */
	finish(): CurrentPlacement[] {
		const { problems } = this.options;
		const { episodes } = this;
		const order = Array.from({ length: episodes.length }, (_, i) => i);
		order.sort(
			(a, b) =>
				episodes.get('child', a) - episodes.get('child', b) ||
				episodes.get('decom', a) - episodes.get('decom', b) ||
				episodes.get('row', a) - episodes.get('row', b)
		);
		const rejected = new Set<number>();
		for (let k = 1; k < order.length; k++) {
			const before = order[k - 1];
			const after = order[k];
			if (episodes.get('child', before) !== episodes.get('child', after)) continue;
			const beforeRow = episodes.get('row', before);
			const row = episodes.get('row', after);
			const decom = episodes.get('decom', after);
			const previousEnd = episodes.get('dec', before);
			const fail = (problem: string, fix: string) => {
				rejected.add(after);
				problems.error({ row, column: 'DECOM', value: formatDate(decom), problem, fix });
			};
			if (episodes.get('decom', before) === decom)
				fail(
					`a second episode of this child starting on the same day as row ${beforeRow}`,
					'remove the duplicate row, or correct one of the dates'
				);
			else if (previousEnd === OPEN)
				fail(
					`begins while the child's episode at row ${beforeRow} is still open (no DEC)`,
					`give the episode at row ${beforeRow} its end date (DEC)`
				);
			else if (previousEnd > decom)
				fail(
					`overlaps the child's episode at row ${beforeRow}, which ends ${formatDate(previousEnd)}`,
					'an episode must begin on or after the day the previous one ends'
				);
		}
		if (!problems.ok) return [];
		const placements: CurrentPlacement[] = [];
		for (const [index, episode] of this.open) {
			if (rejected.has(index) || episode.shortBreak) continue;
			placements.push(this.placementOf(episode));
		}
		return placements.sort((a, b) => (a.childId < b.childId ? -1 : 1));
	}

	private placementOf(episode: OpenEpisode): CurrentPlacement {
		const { places, problems, header } = this.options;
		const child = header.get(episode.childId)!;
		const warn = (column: string, value: string, problem: string) =>
			problems.warning({
				row: episode.row,
				column,
				value,
				problem,
				fix: 'load the ONS postcode directory (--kind postcode-sectors), or check the postcode sector'
			});
		const homeSector = postcodeSector(episode.homePost)?.sector ?? null;
		let home = homeSector ? places.sector(homeSector) : null;
		if (!home) {
			warn(
				'HOME_POST',
				episode.homePost,
				`${homeSector ? 'an unknown postcode sector' : 'blank'}: the child's home is taken as the LA's population-weighted centroid`
			);
			home = places.laCentroid;
		}
		const linked = episode.urn ? places.home(episode.urn) : null;
		if (episode.urn && !linked && PLACE_CHILDRENS_HOME.has(episode.place))
			problems.warning({
				row: episode.row,
				column: 'URN',
				value: episode.urn,
				problem:
					"no children's home with this URN in the Ofsted list the app holds: the placement is not linked to a home",
				fix: 'import the latest Ofsted provider list (--kind ofsted-providers), or check the URN'
			});
		let placement = linked?.point ?? null;
		let placementLaCode = linked?.laCode ?? null;
		if (!placement) {
			const sector = postcodeSector(episode.plPost)?.sector ?? null;
			placement = sector ? places.sector(sector) : null;
			if (!placement) {
				warn(
					'PL_POST',
					episode.plPost,
					`${sector ? 'an unknown postcode sector' : 'blank'}: the placement is taken as the LA's population-weighted centroid`
				);
				placement = places.laCentroid;
				placementLaCode = places.laCode;
			}
		}
		return {
			childId: episode.childId,
			sex: child.sex,
			age: child.age,
			placementType: PLACE[episode.place].type,
			homeArea: homeSector && home !== places.laCentroid ? homeSector : null,
			home,
			placement,
			placementLaCode: placementLaCode ?? places.laAt(placement),
			urn: linked ? episode.urn : null
		};
	}
}
