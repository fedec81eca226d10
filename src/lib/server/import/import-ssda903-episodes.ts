import { childKeyOf, hashChildId } from './child-key';
import { diffRows, insertBatches, type KindContext, type KindImport } from './import-kind';
import { ageBand, ageFromMonth, type HeaderChild } from './ssda903-header';
import { placesFor } from './places';
import { EpisodesCheck, SSDA903_EPISODES_COLUMNS, type CurrentPlacement } from './ssda903-episodes';
import { ImportRefused, fileProblem } from './import-problem';

interface ChildRow {
	id: string;
	synthetic: boolean;
	sex: string | null;
	age: number;
	placementType: string;
	homeArea: string | null;
	homeLon: number;
	homeLat: number;
	placementLon: number | null;
	placementLat: number | null;
	placementLaCode: string | null;
	urn: string | null;
}

function rowOf(p: CurrentPlacement): ChildRow {
	return {
		id: p.childId,
		synthetic: false,
		sex: p.sex,
		age: p.age,
		placementType: p.placementType,
		homeArea: p.homeArea,
		homeLon: p.home[0],
		homeLat: p.home[1],
		placementLon: p.placement[0],
		placementLat: p.placement[1],
		placementLaCode: p.placementLaCode,
		urn: p.urn
	};
}

const same = (a: ChildRow, b: ChildRow) =>
	(Object.keys(a) as (keyof ChildRow)[]).every((key) => a[key] === b[key]);

/** A file whose children mostly lived elsewhere is another LA's (their home sectors tell). */
const OTHER_LA_SHARE = 0.5;
const OTHER_LA_MIN_CHILDREN = 5;

/**
 * SSDA903 episodes file: the LA's children looked after at the collection date (open episodes), placed
 * through postcode sectors and URNs. They replace the LA's children, synthetic or imported before.
 */
export async function ssda903EpisodesImport(context: KindContext): Promise<KindImport> {
	const { sql, problems, asAt } = context;
	const laCode = context.laCodes[0];
	const key = await childKeyOf(sql, laCode);
	const headerRows = await sql<Omit<HeaderChild, 'age'>[]>`
		select child_id as "childId", sex, birth_month as "birthMonth", age_band as "ageBand"
		from imported_children where la_code = ${laCode}`;
	if (key.isNew || headerRows.length === 0) {
		throw new ImportRefused([
			fileProblem(
				'no SSDA903 header file has been imported for this LA: the episodes name children it does not know',
				'import the header file first (--kind ssda903-header), then this file'
			)
		]);
	}
	const header = new Map(
		headerRows.map((row) => {
			const [year, month] = row.birthMonth.split('-').map(Number);
			const age = ageFromMonth({ year, month }, asAt);
			return [row.childId, { ...row, age, ageBand: ageBand(age) } as HeaderChild];
		})
	);
	const places = await placesFor(sql, laCode);
	const check = new EpisodesCheck({
		asAt,
		problems,
		header,
		places,
		hash: (child) => hashChildId(key.key, child)
	});
	return {
		columns: SSDA903_EPISODES_COLUMNS,
		add: (row) => check.add(row),
		async plan() {
			const placements = check.finish();
			const located = placements.filter((p) => p.homeArea !== null);
			const outside = located.filter((p) => places.laAt(p.home) !== laCode);
			if (located.length >= OTHER_LA_MIN_CHILDREN && outside.length > located.length * OTHER_LA_SHARE) {
				const tally = new Map<string, number>();
				for (const p of outside) {
					const code = places.laAt(p.home) ?? 'outside England';
					tally.set(code, (tally.get(code) ?? 0) + 1);
				}
				const [likely] = [...tally].sort((a, b) => b[1] - a[1]);
				problems.error(
					fileProblem(
						`${outside.length} of the ${located.length} children's home postcode sectors lie outside ${laCode} (most in ${likely[0]}): this looks like another LA's file`,
						`import it with --la ${likely[0]} if it is that LA's, or choose ${laCode}'s own file`
					)
				);
			}
			const desired = new Map(placements.map((p) => [p.childId, rowOf(p)]));
			const rows = await sql<ChildRow[]>`
				select id, synthetic, sex, age, placement_type as "placementType", home_area as "homeArea",
					home_lon as "homeLon", home_lat as "homeLat", placement_lon as "placementLon",
					placement_lat as "placementLat", placement_la_code as "placementLaCode", placement_urn as urn
				from children where la_code = ${laCode}`;
			const existing = new Map(rows.map((row) => [row.id, row]));
			return {
				changes: {
					children: diffRows(existing, desired, same),
					'synthetic children replaced': {
						added: 0,
						updated: 0,
						removed: rows.filter((row) => row.synthetic).length
					}
				},
				scope: [{ table: 'children', byLa: true }],
				async write(tx) {
					await tx`delete from children where la_code = ${laCode}`;
					await insertBatches(
						tx,
						'children',
						[...desired.values()].map((row) => ({
							id: row.id,
							la_code: laCode,
							synthetic: false,
							sex: row.sex,
							age: row.age,
							placement_type: row.placementType,
							home_area: row.homeArea,
							home_lon: row.homeLon,
							home_lat: row.homeLat,
							placement_lon: row.placementLon,
							placement_lat: row.placementLat,
							placement_la_code: row.placementLaCode,
							placement_urn: row.urn
						}))
					);
				}
			};
		}
	};
}
