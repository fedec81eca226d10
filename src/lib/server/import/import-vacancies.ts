import { diffRows, type KindContext, type KindImport } from './import-kind';

/** The vacancies template (docs/import.md; static/templates/vacancies.csv). */
export const VACANCIES_COLUMNS = ['URN', 'VACANCIES'] as const;

/** Vacancies per children's home, by URN: only the homes listed change. */
export async function vacanciesImport(context: KindContext): Promise<KindImport> {
	const { sql, problems, laCodes } = context;
	const homes = new Map(
		(
			await sql<{ urn: string; laCode: string; places: number; vacancies: number }[]>`
				select urn, la_code as "laCode", places, vacancies from homes where closed_on is null`
		).map((home) => [home.urn, home])
	);
	const desired = new Map<string, number>();
	const seen = new Map<string, number>();
	return {
		columns: VACANCIES_COLUMNS,
		add({ row, cells }) {
			const urn = cells.URN.trim().toUpperCase();
			const home = homes.get(urn);
			const error = (column: string, problem: string, fix: string) =>
				problems.error({ row, column, value: cells[column], problem, fix });
			if (!home)
				return error(
					'URN',
					"no open children's home with this URN",
					'check the URN against the Ofsted list, or import the latest list first'
				);
			if (!laCodes.includes(home.laCode))
				return error(
					'URN',
					`a home in ${home.laCode}, not in ${laCodes.join(', ')}`,
					"remove the rows of other LAs' homes"
				);
			const text = cells.VACANCIES.trim();
			if (!/^\d{1,4}$/.test(text))
				return error('VACANCIES', 'not a whole number', 'write the number of places free today, 0 or more');
			const vacancies = Number(text);
			if (vacancies > home.places)
				return error(
					'VACANCIES',
					`more than the home's ${home.places} places`,
					'check the number, or import the latest Ofsted list if the home has grown'
				);
			const first = seen.get(urn);
			if (first !== undefined) return error('URN', `the same home as row ${first}`, 'give each home one row');
			seen.set(urn, row);
			desired.set(urn, vacancies);
		},
		async plan() {
			const existing = new Map([...desired.keys()].map((urn) => [urn, homes.get(urn)!.vacancies]));
			return {
				changes: { 'home vacancies': diffRows(existing, desired, (a, b) => a === b) },
				scope: [{ table: 'homes', byLa: true }],
				async write(tx) {
					for (const [urn, vacancies] of desired)
						await tx`update homes set vacancies = ${vacancies} where urn = ${urn}`;
				}
			};
		}
	};
}
