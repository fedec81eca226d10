import { DataFileError } from '../seed/data-file-error';
import { isChildrensHomeRow, ofstedHomes, ofstedProviderRow, type OfstedHome } from '../seed/ofsted-homes';
import { diffRows, insertBatches, type KindContext, type KindImport, type TableChanges } from './import-kind';
import { isoDate } from './parse-date';
import { laCentroid } from './places';
import type { LonLat } from '../../domain/types';

/** The columns of Ofsted's provider-level data the app reads (others are ignored). */
export const OFSTED_COLUMNS = Object.keys(ofstedProviderRow.shape);

type Fields = Pick<
	OfstedHome,
	| 'provisionType'
	| 'kind'
	| 'sector'
	| 'places'
	| 'owner'
	| 'registrationDate'
	| 'inspectionDate'
	| 'gradeOverall'
	| 'gradeHelpAndProtect'
	| 'gradeLeadership'
>;

interface Existing extends Fields {
	laCode: string;
	closedOn: string | null;
}

const FIELDS: (keyof Fields)[] = [
	'provisionType',
	'kind',
	'sector',
	'places',
	'owner',
	'registrationDate',
	'inspectionDate',
	'gradeOverall',
	'gradeHelpAndProtect',
	'gradeLeadership'
];

/**
 * Ofsted's provider-level list (CSV or XLSX): the children's homes of the import's LAs refreshed by URN.
 * A home keeps its location (generated for the demo, or set by a commissioner) and its vacancies (up to
 * its places); a new home is placed at its LA's centre, flagged approximate; a home no longer listed is
 * closed, not deleted (placements and plans may name it).
 */
export async function ofstedProvidersImport(context: KindContext): Promise<KindImport> {
	const { sql, problems, laCodes, asAt } = context;
	const las = await sql<{ code: string; name: string; lon: number; lat: number }[]>`
		select code, name, label_lon as lon, label_lat as lat from las`;
	const laCodeByName = new Map(las.map((la) => [la.name, la.code]));
	const wanted = new Set(laCodes);
	const desired = new Map<string, Fields & { laCode: string }>();
	const seen = new Map<string, number>();
	let otherLas = 0;
	return {
		columns: OFSTED_COLUMNS,
		add({ row, cells }) {
			if (!isChildrensHomeRow(cells)) return;
			const parsed = ofstedProviderRow.safeParse(cells);
			if (!parsed.success) {
				for (const issue of parsed.error.issues.slice(0, 3)) {
					const column = String(issue.path[0] ?? '');
					problems.error({
						row,
						column,
						value: cells[column] ?? null,
						problem: issue.message,
						fix: 'use the list as Ofsted publishes it'
					});
				}
				return;
			}
			let result;
			try {
				result = ofstedHomes([parsed.data], laCodeByName);
			} catch (error) {
				if (!(error instanceof DataFileError)) throw error;
				const column = error.message.includes('Places') ? 'Places' : 'Sector';
				problems.error({
					row,
					column,
					value: cells[column],
					problem: error.message.replace(/^[^:]*: /, ''),
					fix: 'use the list as Ofsted publishes it'
				});
				return;
			}
			const [home] = result.homes;
			if (!home) return; // Wales, or an LA name of no English upper-tier LA
			if (!wanted.has(home.laCode)) {
				otherLas++;
				return;
			}
			const first = seen.get(home.urn);
			if (first !== undefined) {
				problems.error({
					row,
					column: 'URN',
					value: home.urn,
					problem: `the same URN as row ${first}`,
					fix: 'give each home one row'
				});
				return;
			}
			seen.set(home.urn, row);
			desired.set(home.urn, home);
		},
		async plan() {
			if (desired.size === 0) {
				problems.error({
					row: null,
					column: 'Local authority',
					value: null,
					problem: `no children's home of ${laCodes.join(', ')} in the file (${otherLas} of other LAs)`,
					fix: "choose Ofsted's provider-level list for England, or import for the LA the file is about"
				});
			}
			const rows = await sql<(Existing & { urn: string })[]>`
				select urn, la_code as "laCode", provision_type as "provisionType", kind, sector, places, owner,
					to_char(registration_date, 'YYYY-MM-DD') as "registrationDate",
					to_char(inspection_date, 'YYYY-MM-DD') as "inspectionDate", grade_overall as "gradeOverall",
					grade_help_and_protect as "gradeHelpAndProtect", grade_leadership as "gradeLeadership",
					to_char(closed_on, 'YYYY-MM-DD') as "closedOn"
				from homes where la_code = any(${sql.array([...laCodes])})`;
			const existing = new Map(rows.map((row) => [row.urn, row]));
			const open = new Map([...existing].filter(([, home]) => home.closedOn === null));
			const changes: TableChanges = diffRows(
				open,
				desired,
				(a, b) => a.laCode === b.laCode && FIELDS.every((field) => a[field] === b[field])
			);
			const closing = [...open.keys()].filter((urn) => !desired.has(urn));
			const reopened = [...desired.keys()].filter((urn) => existing.get(urn)?.closedOn).length;
			// A home reopened was counted as added against the open homes: it is an update of a closed one.
			const summary = {
				added: changes.added - reopened,
				updated: changes.updated + reopened,
				removed: changes.removed
			};
			const centres = new Map<string, LonLat>();
			const centreOf = (code: string) => {
				if (!centres.has(code)) {
					const la = las.find((l) => l.code === code)!;
					centres.set(code, laCentroid(code, [la.lon, la.lat]));
				}
				return centres.get(code)!;
			};
			return {
				changes: { "children's homes (closed: removed)": summary },
				scope: [{ table: 'homes', byLa: true }],
				async write(tx) {
					const closedOn = isoDate(asAt);
					if (closing.length > 0)
						await tx`update homes set closed_on = ${closedOn}, vacancies = 0 where urn = any(${tx.array(closing)})`;
					const fresh = [...desired].filter(([urn]) => !existing.has(urn));
					await insertBatches(
						tx,
						'homes',
						fresh.map(([urn, home]) => ({
							urn,
							la_code: home.laCode,
							provision_type: home.provisionType,
							kind: home.kind,
							sector: home.sector,
							places: home.places,
							vacancies: 0,
							owner: home.owner,
							registration_date: home.registrationDate,
							inspection_date: home.inspectionDate,
							grade_overall: home.gradeOverall,
							grade_help_and_protect: home.gradeHelpAndProtect,
							grade_leadership: home.gradeLeadership,
							lon: centreOf(home.laCode)[0],
							lat: centreOf(home.laCode)[1],
							location_approximate: true
						}))
					);
					for (const [urn, home] of desired) {
						if (!existing.has(urn)) continue;
						await tx`update homes set la_code = ${home.laCode}, provision_type = ${home.provisionType},
							kind = ${home.kind}, sector = ${home.sector}, places = ${home.places},
							vacancies = least(vacancies, ${home.places}), owner = ${home.owner},
							registration_date = ${home.registrationDate}, inspection_date = ${home.inspectionDate},
							grade_overall = ${home.gradeOverall}, grade_help_and_protect = ${home.gradeHelpAndProtect},
							grade_leadership = ${home.gradeLeadership}, closed_on = null
							where urn = ${urn}`;
					}
				}
			};
		}
	};
}
