import type postgres from 'postgres';
import type {
	AnalysisChild,
	AnalysisHome,
	AnalysisInput,
	FosteringCapacity,
	LaBoundary
} from '$lib/domain/analysis';
import type { HomeKind, PlacementType } from '$lib/domain/types';

/** Neighbouring LAs' boundaries are included so placements just over the border are placed in an LA. */
const CONTEXT_MARGIN_DEGREES = 0.5;

interface ChildRow {
	id: string;
	laCode: string;
	placementType: PlacementType;
	age: number;
	needs: string[];
	homeLon: number;
	homeLat: number;
	placementLon: number | null;
	placementLat: number | null;
}

/**
 * The analysis engine's input for one RCC, straight from the database: the RCC's homes and fostering
 * capacity, the boundaries of its member LAs and their neighbours, and the looked-after children of
 * `childLaCodes` only (the caller decides, by access.ts, whose children may be read).
 */
export async function analysisInputOf(
	sql: postgres.Sql,
	rcc: { id: string; name: string; laCodes: readonly string[] },
	childLaCodes: readonly string[]
): Promise<AnalysisInput> {
	const members = [...rcc.laCodes];
	const [childRows, homeRows, fosteringRows, boundaryRows] = await Promise.all([
		childLaCodes.length === 0
			? Promise.resolve([] as ChildRow[])
			: sql<ChildRow[]>`
				select id, la_code as "laCode", placement_type as "placementType", age, needs,
					home_lon as "homeLon", home_lat as "homeLat", placement_lon as "placementLon",
					placement_lat as "placementLat"
				from children where la_code = any(${sql.array([...childLaCodes])}) order by id`,
		sql<
			{
				urn: string;
				laCode: string;
				kind: HomeKind;
				lon: number;
				lat: number;
				places: number;
				vacancies: number;
				ageMin: number;
				ageMax: number;
				needs: string[];
			}[]
		>`
			select urn, la_code as "laCode", kind, lon, lat, places, vacancies, age_min as "ageMin",
				age_max as "ageMax", needs
			from homes where la_code = any(${sql.array(members)}) and closed_on is null order by urn`,
		sql<{ laCode: string; places: number; vacancies: number; lon: number; lat: number; name: string }[]>`
			select f.la_code as "laCode", f.places, f.vacancies, l.label_lon as lon, l.label_lat as lat, l.name
			from fostering_capacity f join las l on l.code = f.la_code
			where f.la_code = any(${sql.array(members)}) order by f.la_code`,
		sql<{ code: string; name: string; geometry: LaBoundary['geometry'] }[]>`
			select code, name, geometry from las order by code`
	]);
	const children: AnalysisChild[] = childRows.map((row) => ({
		id: row.id,
		laCode: row.laCode,
		home: [row.homeLon, row.homeLat],
		placement:
			row.placementLon === null || row.placementLat === null ? null : [row.placementLon, row.placementLat],
		placementType: row.placementType,
		age: row.age,
		needs: row.needs
	}));
	const homes: AnalysisHome[] = homeRows.map((row) => ({
		urn: row.urn,
		laCode: row.laCode,
		kind: row.kind,
		location: [row.lon, row.lat],
		places: row.places,
		vacancies: row.vacancies,
		ageMin: row.ageMin,
		ageMax: row.ageMax,
		needs: row.needs
	}));
	const fostering: FosteringCapacity[] = fosteringRows.map((row) => ({
		laCode: row.laCode,
		places: row.places,
		vacancies: row.vacancies,
		location: [row.lon, row.lat],
		label: row.name
	}));
	return {
		children,
		homes,
		fostering,
		boundaries: boundariesNear(boundaryRows, members),
		rccs: [{ id: rcc.id, name: rcc.name, laCodes: members }]
	};
}

type Box = [number, number, number, number];

function boxOf(geometry: LaBoundary['geometry']): Box {
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const polygon of polygons)
		for (const ring of polygon)
			for (const [lon, lat] of ring) {
				box[0] = Math.min(box[0], lon);
				box[1] = Math.min(box[1], lat);
				box[2] = Math.max(box[2], lon);
				box[3] = Math.max(box[3], lat);
			}
	return box;
}

/** Members' boundaries and those of every LA whose bounding box meets the members' box grown a little. */
function boundariesNear(rows: LaBoundary[], members: readonly string[]): LaBoundary[] {
	const memberSet = new Set(members);
	const boxes = new Map(rows.map((row) => [row.code, boxOf(row.geometry)]));
	const around: Box = [Infinity, Infinity, -Infinity, -Infinity];
	for (const code of memberSet) {
		const box = boxes.get(code);
		if (!box) continue;
		around[0] = Math.min(around[0], box[0] - CONTEXT_MARGIN_DEGREES);
		around[1] = Math.min(around[1], box[1] - CONTEXT_MARGIN_DEGREES);
		around[2] = Math.max(around[2], box[2] + CONTEXT_MARGIN_DEGREES);
		around[3] = Math.max(around[3], box[3] + CONTEXT_MARGIN_DEGREES);
	}
	return rows.filter((row) => {
		if (memberSet.has(row.code)) return true;
		const box = boxes.get(row.code)!;
		return box[0] <= around[2] && box[2] >= around[0] && box[1] <= around[3] && box[3] >= around[1];
	});
}
