import path from 'node:path';
import type postgres from 'postgres';
import { centerOfMass } from '@turf/center-of-mass';
import { pointOnFeature } from '@turf/point-on-feature';
import { DatabaseOpenError, type Database } from '../db/client';
import {
	COHORT_GENERATOR_VERSION,
	createLaLocator,
	createRandom,
	generateCohort,
	homeLocation,
	homeProfile,
	homeVacancies,
	type CohortHome
} from '../../domain/cohort';
import { round5 } from '../../domain/cohort/jitter';
import type { LonLat } from '../../domain/types';
import { apportionFostering, FOSTERING_SOURCE } from './fostering-capacity';
import { dfeFigures, laRegion, publishedFigures } from './la-summary';
import { loadDemoData, type DemoData } from './load-demo-data';

/** The seed of the demo's random choices: the same seed gives the same demo everywhere. */
export const DEMO_SEED = 'close-to-home-demo-2025';
export const DEMO_META_KEY = 'demo';
/** Names shown in the app; the membership file's names carry longer notes. */
const DEMO_RCC_NAMES: Record<string, string> = {
	gm: 'Greater Manchester (demo grouping)',
	se: 'South East (demo grouping)'
};
/** Arbitrary but fixed: instances seeding one server together take turns (the second finds it done). */
const SEED_LOCK = 4_201_978;
const BATCH_ROWS = 1000;

export const DEMO_SOURCES = [
	'Office for National Statistics: Counties and Unitary Authorities (December 2024) and Regions (December 2023) boundaries (BSC); 2021 MSOA and LSOA population-weighted centroids; mid-2024 population estimates. OGL v3.0. Contains OS data \u00a9 Crown copyright and database right 2025.',
	'Department for Education: Children looked after in England including adoptions, 2025. OGL v3.0.',
	"Ofsted: Children's social care data in England 2025, provider-level data as at 31 March 2025. OGL v3.0.",
	'Ofsted: Fostering in England 2023-24 (national totals). OGL v3.0.',
	'Ministry of Housing, Communities and Local Government: English Indices of Deprivation 2025. OGL v3.0.'
];

/**
 * Seeds the demo (real boundaries, figures and homes; a synthetic cohort of children for the demo
 * RCCs' LAs) into an empty database, in one transaction, reporting progress through `log`. Does
 * nothing, quickly, when the demo is already there.
 */
export async function seedDemo(db: Database, options: { log: (message: string) => void }): Promise<void> {
	const { log } = options;
	const { sql } = db;
	const started = performance.now();
	if (await alreadySeeded(sql, db.location, log)) return;

	log('Seeding the demo data (first start)…');
	const data = loadDemoData(path.resolve('server/data'), log);
	const read = performance.now();
	const rows = buildRows(data, log);
	const generated = performance.now();

	log('Writing to the database in one transaction…');
	const written = await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${SEED_LOCK})`;
		// Another instance may have seeded while this one was generating.
		if (await alreadySeeded(tx, db.location, log)) return false;
		const insert = async (table: string, items: Record<string, unknown>[], label = table) => {
			for (let start = 0; start < items.length; start += BATCH_ROWS) {
				const batch = items.slice(start, start + BATCH_ROWS);
				log(`Inserting ${label} ${start + 1}-${start + batch.length} of ${items.length}…`);
				await tx`insert into ${tx(table)} ${tx(batch as Record<string, never>[])}`;
			}
		};
		await insert('regions', rows.regions);
		await insert('las', rows.las, 'local authorities');
		await insert('rccs', rows.rccs, 'RCCs');
		await insert('rcc_members', rows.rccMembers, 'RCC members');
		await insert('homes', rows.homes);
		await insert('fostering_capacity', rows.fostering, 'fostering capacity');
		await insert('children', rows.children);
		const seconds = Math.round((performance.now() - started) / 100) / 10;
		await insert('dataset_meta', [
			{ key: DEMO_META_KEY, value: tx.json({ ...rows.meta, seededAt: new Date().toISOString(), seconds }) },
			{ key: 'sources', value: tx.json(DEMO_SOURCES) }
		]);
		return true;
	});
	if (!written) return;
	const done = performance.now();
	const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
	log(
		`Demo data seeded in ${seconds(started, done)} s (reading ${seconds(started, read)} s, ` +
			`generating ${seconds(read, generated)} s, writing ${seconds(generated, done)} s)`
	);
}

/**
 * True when the demo is there already. Refuses a database holding other reference data (no demo
 * marker): the demo is never written over it. One statement, so one snapshot, for both checks.
 */
async function alreadySeeded(
	sql: postgres.Sql | postgres.TransactionSql,
	location: string,
	log: (message: string) => void
): Promise<boolean> {
	const [state] = await sql<{ seededAt: string | null; seeded: boolean; las: number }[]>`
		select (select value ->> 'seededAt' from dataset_meta where key = ${DEMO_META_KEY}) as "seededAt",
			exists (select 1 from dataset_meta where key = ${DEMO_META_KEY}) as seeded,
			(select count(*)::int from las) as las`;
	if (state.seeded) {
		log(`Demo data already in the database (seeded ${state.seededAt ?? 'earlier'})`);
		return true;
	}
	if (state.las > 0) {
		throw new DatabaseOpenError(
			`The database at ${location} already holds ${state.las} LAs but was not seeded as the demo: ` +
				'refusing to write the demo over it. Start without DEMO, or use an empty database.'
		);
	}
	return false;
}

interface SeedRows {
	regions: Record<string, unknown>[];
	las: Record<string, unknown>[];
	rccs: Record<string, unknown>[];
	rccMembers: Record<string, unknown>[];
	homes: Record<string, unknown>[];
	fostering: Record<string, unknown>[];
	children: Record<string, unknown>[];
	meta: Record<string, unknown>;
}

function buildRows(data: DemoData, log: (message: string) => void): SeedRows {
	const locator = createLaLocator(data.las);
	const labels = new Map(
		data.las.map((la) => [la.code, labelPoint(la.geometry, (p) => locator.contains(la.code, p))])
	);

	const { homes, skipped } = data.homes;
	log(
		`Placing ${homes.length} children's homes inside their LAs (approximate: Ofsted redacts addresses); ` +
			`${skipped.length} skipped (not in England or LA not matched)`
	);
	const msoasByLa = new Map<string, LonLat[]>();
	for (const msoa of data.msoas) {
		const list = msoasByLa.get(msoa.laCode) ?? [];
		list.push(msoa.point);
		msoasByLa.set(msoa.laCode, list);
	}
	const located = homes.map((home) => {
		const random = createRandom(`${DEMO_SEED}/home/${home.urn}`);
		const profile = homeProfile(home, random);
		const point = homeLocation({
			laCode: home.laCode,
			centroids: msoasByLa.get(home.laCode) ?? [],
			labelPoint: labels.get(home.laCode)!,
			locator,
			random
		});
		return { ...home, ...profile, point };
	});

	const laName = new Map(data.las.map((la) => [la.code, la.name]));
	const demoCodes = [...new Set(data.rccs.flatMap((rcc) => rcc.laCodes))].sort();
	const cohortLas = demoCodes.flatMap((code) => {
		const figures = dfeFigures(data.las.find((la) => la.code === code)!.summary);
		if (!figures) log(`No DfE count of children for ${laName.get(code)}: no synthetic children there`);
		return figures ? [{ code, name: laName.get(code), figures }] : [];
	});
	const total = cohortLas.reduce((sum, la) => sum + la.figures.childrenLookedAfter, 0);
	log(`Generating ${total} synthetic children for the ${cohortLas.length} LAs of the demo RCCs…`);
	// The vacancies are drawn first and kept out of the cohort's reach, so that every region keeps
	// about VACANT_PLACE_SHARE of its places free, not only the country as a whole.
	const vacant = homeVacancies(located, new Map(), DEMO_SEED);
	const cohortHomes: CohortHome[] = located.map((home) => ({
		urn: home.urn,
		kind: home.kind,
		point: home.point,
		places: home.places - vacant.get(home.urn)!,
		ageMin: home.ageMin,
		ageMax: home.ageMax,
		needs: home.needs
	}));
	// LSOAs (with deprivation) are shipped for the demo RCCs' LAs; any other LA falls back to its MSOAs.
	const lsoaLas = new Set(data.lsoas.map((lsoa) => lsoa.laCode));
	const cohort = generateCohort({
		seed: DEMO_SEED,
		las: cohortLas,
		locator,
		homeAreas: [...data.lsoas, ...data.msoas.filter((msoa) => !lsoaLas.has(msoa.laCode))],
		carerAreas: data.msoas,
		homes: cohortHomes,
		progress: log
	});
	// Each adjustment is expected (small LAs cannot hold a 20-mile placement inside them) and is kept in
	// dataset_meta; printed one by one they read like errors, so the start prints one line.
	if (cohort.adjustments.length > 0)
		log(
			`Cohort: ${cohort.adjustments.length} small departures from DfE's location mix where the geography forces them ` +
				`(kept in dataset_meta.adjustments)`
		);
	const vacancies = homeVacancies(located, cohort.occupancy, DEMO_SEED);
	if ([...vacancies].some(([urn, count]) => count !== vacant.get(urn)))
		throw new Error('the cohort took a vacancy');

	const fostering = apportionFostering(
		data.las.map((la) => ({
			code: la.code,
			fosterChildren: la.summary.cla31mar_foster_n,
			childrenLookedAfter: la.summary.cla_31mar_2025
		}))
	);

	const places = located.reduce((sum, home) => sum + home.places, 0);
	const vacantPlaces = [...vacancies.values()].reduce((sum, v) => sum + v, 0);
	log(
		`${located.length} homes with ${places} places, ${vacantPlaces} vacant (${((100 * vacantPlaces) / places).toFixed(1)}%); ` +
			`${cohort.children.length} children generated`
	);

	return {
		regions: data.regions.map((region) => ({
			code: region.code,
			name: region.name,
			geometry: region.geometry
		})),
		las: data.las.map((la) => ({
			code: la.code,
			name: la.name,
			dfe_code: la.dfeCode,
			region_code: laRegion(la.summary).code,
			region_name: laRegion(la.summary).name,
			geometry: la.geometry,
			label_lon: labels.get(la.code)![0],
			label_lat: labels.get(la.code)![1],
			population_0_17: la.summary.pop_0_17_mid2024,
			published: publishedFigures(la.summary)
		})),
		rccs: data.rccs.map((rcc) => ({ id: rcc.id, name: DEMO_RCC_NAMES[rcc.id] ?? rcc.name, is_demo: true })),
		rccMembers: data.rccs.flatMap((rcc) =>
			rcc.laCodes.map((laCode) => ({ rcc_id: rcc.id, la_code: laCode }))
		),
		homes: located.map((home) => ({
			urn: home.urn,
			la_code: home.laCode,
			provision_type: home.provisionType,
			kind: home.kind,
			sector: home.sector,
			places: home.places,
			vacancies: vacancies.get(home.urn) ?? 0,
			owner: home.owner,
			registration_date: home.registrationDate,
			inspection_date: home.inspectionDate,
			grade_overall: home.gradeOverall,
			grade_help_and_protect: home.gradeHelpAndProtect,
			grade_leadership: home.gradeLeadership,
			lon: home.point[0],
			lat: home.point[1],
			location_approximate: true,
			age_min: home.ageMin,
			age_max: home.ageMax,
			needs: home.needs
		})),
		fostering: fostering.map((f) => ({
			la_code: f.laCode,
			households: f.households,
			places: f.places,
			vacancies: f.vacancies,
			source: FOSTERING_SOURCE
		})),
		children: cohort.children.map((child) => ({
			id: child.id,
			la_code: child.laCode,
			synthetic: true,
			sex: child.sex,
			age: child.age,
			placement_type: child.placementType,
			needs: child.needs,
			home_area: child.homeArea,
			home_lon: child.home[0],
			home_lat: child.home[1],
			placement_lon: child.placement[0],
			placement_lat: child.placement[1],
			placement_la_code: child.placementLaCode,
			placement_urn: child.placementUrn
		})),
		meta: {
			seed: DEMO_SEED,
			generatorVersion: COHORT_GENERATOR_VERSION,
			counts: {
				regions: data.regions.length,
				las: data.las.length,
				rccs: data.rccs.length,
				homes: located.length,
				places,
				vacancies: vacantPlaces,
				homesSkipped: skipped.length,
				fosteringLas: fostering.length,
				children: cohort.children.length
			},
			adjustments: cohort.adjustments,
			homeLocations: 'approximate: MSOA population-weighted centroid of the LA, jittered, inside the LA',
			children: 'synthetic: generated to reproduce DfE 2025 per-LA counts, placement types and locations'
		}
	};
}

/** A point to label an LA with: its centre of mass when that lies inside, else a point on its surface. */
function labelPoint(
	geometry: DemoData['las'][number]['geometry'],
	inside: (point: LonLat) => boolean
): LonLat {
	const feature = { type: 'Feature' as const, properties: {}, geometry };
	const centre = centerOfMass(feature).geometry.coordinates;
	const point: LonLat = [round5(centre[0]), round5(centre[1])];
	if (inside(point)) return point;
	const surface = pointOnFeature(feature).geometry.coordinates;
	return [round5(surface[0]), round5(surface[1])];
}
