import { diffRows, type KindContext, type KindImport } from './import-kind';
import { formatDate } from './parse-date';

/** The fostering capacity template (docs/import.md; static/templates/fostering-capacity.csv). */
export const FOSTERING_COLUMNS = ['LA_CODE', 'PROVIDER', 'HOUSEHOLDS', 'PLACES', 'VACANCIES'] as const;

interface Capacity {
	households: number;
	places: number;
	vacancies: number;
	source: string;
}

const same = (a: Capacity, b: Capacity) =>
	a.households === b.households && a.places === b.places && a.vacancies === b.vacancies;

/** A provider is the LA's own service ("LA") or an independent fostering agency by its Ofsted URN. */
const PROVIDER = /^(LA|SC\d{6}|\d{7})$/;

/**
 * Fostering capacity, one row per LA and provider (the LA's own service, each agency): summed per LA,
 * replacing what the LA had (apportioned national figures in the demo).
 */
export async function fosteringCapacityImport(context: KindContext): Promise<KindImport> {
	const { sql, problems, laCodes } = context;
	const totals = new Map<
		string,
		{ households: number; places: number; vacancies: number; providers: number }
	>();
	const seen = new Map<string, number>();
	return {
		columns: FOSTERING_COLUMNS,
		add({ row, cells }) {
			let ok = true;
			const error = (column: string, problem: string, fix: string) => {
				ok = false;
				problems.error({ row, column, value: cells[column], problem, fix });
			};
			const laCode = cells.LA_CODE.trim().toUpperCase();
			if (!/^E\d{8}$/.test(laCode))
				error('LA_CODE', 'not an ONS code of an English LA', "write the LA's ONS code, e.g. E08000003");
			else if (!laCodes.includes(laCode))
				error(
					'LA_CODE',
					`not an LA this import is for (${laCodes.join(', ')})`,
					'remove the rows of other LAs, or import as their commissioner or as the RCC administrator'
				);
			const provider = cells.PROVIDER.trim().toUpperCase();
			if (!PROVIDER.test(provider))
				error(
					'PROVIDER',
					'not LA or an Ofsted URN',
					"write LA for the LA's own fostering service, or the agency's Ofsted URN (e.g. SC123456)"
				);
			const number = (column: 'HOUSEHOLDS' | 'PLACES' | 'VACANCIES') => {
				const text = cells[column].trim();
				if (!/^\d{1,6}$/.test(text)) {
					error(column, 'not a whole number', 'write a whole number of 0 or more, without commas');
					return 0;
				}
				return Number(text);
			};
			const households = number('HOUSEHOLDS');
			const places = number('PLACES');
			const vacancies = number('VACANCIES');
			if (ok && vacancies > places)
				error(
					'VACANCIES',
					`more than the ${places} places`,
					'vacancies are places not in use: at most PLACES'
				);
			if (ok && households > places)
				error(
					'HOUSEHOLDS',
					`more than the ${places} places`,
					'each approved household offers at least one place'
				);
			const key = `${laCode}/${provider}`;
			const first = seen.get(key);
			if (ok && first !== undefined)
				error('PROVIDER', `the same LA and provider as row ${first}`, 'give each provider one row per LA');
			if (!ok) return;
			seen.set(key, row);
			const total = totals.get(laCode) ?? { households: 0, places: 0, vacancies: 0, providers: 0 };
			total.households += households;
			total.places += places;
			total.vacancies += vacancies;
			total.providers++;
			totals.set(laCode, total);
		},
		async plan() {
			const source = `Imported fostering capacity (${formatDate(context.asAt)})`;
			const desired = new Map<string, Capacity>(
				[...totals].map(([code, t]) => [
					code,
					{
						households: t.households,
						places: t.places,
						vacancies: t.vacancies,
						source: `${source}, ${t.providers} provider${t.providers === 1 ? '' : 's'}`
					}
				])
			);
			const rows = await sql<(Capacity & { laCode: string })[]>`
				select la_code as "laCode", households, places, vacancies, source from fostering_capacity
				where la_code = any(${sql.array([...laCodes])})`;
			const existing = new Map(rows.map(({ laCode, ...rest }) => [laCode, rest]));
			// An LA of the import absent from the file keeps what it has: a region's file may leave one out.
			for (const [code, capacity] of existing) if (!desired.has(code)) desired.set(code, capacity);
			return {
				changes: { 'fostering capacity': diffRows(existing, desired, same) },
				scope: [{ table: 'fostering_capacity', byLa: true }],
				async write(tx) {
					for (const [code, c] of desired) {
						await tx`insert into fostering_capacity (la_code, households, places, vacancies, source)
							values (${code}, ${c.households}, ${c.places}, ${c.vacancies}, ${c.source})
							on conflict (la_code) do update set households = excluded.households, places = excluded.places,
								vacancies = excluded.vacancies, source = excluded.source`;
					}
				}
			};
		}
	};
}
