import { childKeyOf, hashChildId, storeChildKey } from './child-key';
import { diffRows, insertBatches, type KindContext, type KindImport } from './import-kind';
import { HeaderCheck, SSDA903_HEADER_COLUMNS, type HeaderChild } from './ssda903-header';

type Stored = Omit<HeaderChild, 'age'>;

const same = (a: Stored, b: Stored) =>
	a.sex === b.sex && a.birthMonth === b.birthMonth && a.ageBand === b.ageBand;

/** SSDA903 header file: the LA's children, reduced to sex, month of birth and age band. */
export async function ssda903HeaderImport(context: KindContext): Promise<KindImport> {
	const { sql, problems, asAt } = context;
	const laCode = context.laCodes[0];
	const key = await childKeyOf(sql, laCode);
	const check = new HeaderCheck({ asAt, problems, hash: (child) => hashChildId(key.key, child) });
	return {
		columns: SSDA903_HEADER_COLUMNS,
		add: (row) => check.add(row),
		async plan() {
			const desired = new Map(check.children().map((child) => [child.childId, child as Stored]));
			const rows = await sql<Stored[]>`
				select child_id as "childId", sex, birth_month as "birthMonth", age_band as "ageBand"
				from imported_children where la_code = ${laCode}`;
			const existing = new Map(rows.map((row) => [row.childId, row]));
			return {
				changes: { 'children (header)': diffRows(existing, desired, same) },
				scope: [{ table: 'imported_children', byLa: true }],
				async write(tx) {
					if (!(await storeChildKey(tx, laCode, key)))
						throw new Error('another import made the LA key first');
					await tx`delete from imported_children where la_code = ${laCode}`;
					await insertBatches(
						tx,
						'imported_children',
						[...desired.values()].map((child) => ({
							la_code: laCode,
							child_id: child.childId,
							sex: child.sex,
							birth_month: child.birthMonth,
							age_band: child.ageBand
						}))
					);
				}
			};
		}
	};
}
