import type postgres from 'postgres';
import type { HomeKind, Sector } from '$lib/domain/types';

export interface Home {
	urn: string;
	laCode: string;
	laName: string;
	provisionType: string;
	kind: HomeKind;
	sector: Sector;
	places: number;
	vacancies: number;
	owner: string | null;
	gradeOverall: string | null;
	/** ISO date, yyyy-mm-dd. */
	inspectionDate: string | null;
	lon: number;
	lat: number;
	approximate: boolean;
}

/** The homes located in these LAs, by LA then URN. */
export async function inLas(sql: postgres.Sql, laCodes: readonly string[]): Promise<Home[]> {
	return sql<Home[]>`
		select h.urn, h.la_code as "laCode", l.name as "laName", h.provision_type as "provisionType", h.kind,
			h.sector, h.places, h.vacancies, h.owner, h.grade_overall as "gradeOverall",
			to_char(h.inspection_date, 'YYYY-MM-DD') as "inspectionDate", h.lon, h.lat,
			h.location_approximate as approximate
		from homes h join las l on l.code = h.la_code
		where h.la_code = any(${sql.array([...laCodes])}) and h.closed_on is null
		order by h.la_code, h.urn`;
}
