import type postgres from 'postgres';

export interface Fostering {
	laCode: string;
	households: number;
	places: number;
	vacancies: number;
	source: string;
}

/** Fostering capacity recorded for these LAs (an LA may have none). */
export async function ofLas(sql: postgres.Sql, laCodes: readonly string[]): Promise<Fostering[]> {
	return sql<Fostering[]>`
		select la_code as "laCode", households, places, vacancies, source
		from fostering_capacity where la_code = any(${sql.array([...laCodes])})`;
}
