import path from 'node:path';
import { z } from 'zod';
import type { SmallArea } from '../../domain/cohort';
import { gssCode, text } from './csv-fields';
import { DataFileError } from './data-file-error';
import { laSummaryRow, type LaSummaryRow } from './la-summary';
import { isChildrensHomeRow, ofstedHomes, ofstedProviderRow, type OfstedHomesResult } from './ofsted-homes';
import { readCsv } from './read-csv';
import { areaGeometry, pointGeometry, readFeatures } from './read-geojson';

/** The files shipped in server/data that the demo is built from (see server/data/SOURCES.md). */
export const DEMO_FILES = {
	laBoundaries: 'boundaries/england_ctyua_2024_bsc.geojson',
	regionBoundaries: 'boundaries/england_regions_2023_bsc.geojson',
	msoaCentroids: 'points/england_msoa21_pwc.geojson',
	lsoaCentroids: 'points/gm_se_lsoa21_pwc_imd2025.geojson',
	laSummary: 'stats/la_summary_2025.csv',
	ofstedProviders: 'stats/ofsted_providers_at_31_march_2025.csv',
	rccMembership: 'lookups/demo_rcc_membership.csv'
} as const;

type AreaGeometry = z.output<typeof areaGeometry>;

export interface DemoData {
	regions: { code: string; name: string; geometry: AreaGeometry }[];
	las: {
		code: string;
		name: string;
		dfeCode: string | null;
		geometry: AreaGeometry;
		summary: LaSummaryRow;
	}[];
	rccs: { id: string; name: string; laCodes: string[] }[];
	homes: OfstedHomesResult;
	/** MSOA population-weighted centroids of England. */
	msoas: SmallArea[];
	/** LSOA population-weighted centroids of the demo LAs, with IMD 2025 deciles. */
	lsoas: SmallArea[];
}

export function loadDemoData(dataDir: string, log: (message: string) => void = () => {}): DemoData {
	const file = (name: string) => path.join(dataDir, name);

	log('Loading boundaries of 153 LAs and 9 regions…');
	const laFeatures = readFeatures(
		file(DEMO_FILES.laBoundaries),
		z.object({ ctyua24cd: gssCode, ctyua24nm: text, dfe_la_code: z.string().nullable().optional() }),
		areaGeometry
	);
	const regions = readFeatures(
		file(DEMO_FILES.regionBoundaries),
		z.object({ rgn23cd: gssCode, rgn23nm: text }),
		areaGeometry
	).map((f) => ({ code: f.properties.rgn23cd, name: f.properties.rgn23nm, geometry: f.geometry }));

	log('Loading DfE and Ofsted figures per LA…');
	const summaries = new Map(
		readCsv(file(DEMO_FILES.laSummary), laSummaryRow).map((row) => [row.ctyua24cd, row])
	);
	const las = laFeatures.map(({ properties, geometry }) => {
		const summary = summaries.get(properties.ctyua24cd);
		if (!summary) {
			throw new DataFileError(
				`${DEMO_FILES.laSummary}: no row for LA ${properties.ctyua24cd} (${properties.ctyua24nm})`
			);
		}
		return {
			code: properties.ctyua24cd,
			name: properties.ctyua24nm,
			dfeCode: summary.dfe_la_code === null ? null : String(summary.dfe_la_code),
			geometry,
			summary
		};
	});

	const membership = readCsv(
		file(DEMO_FILES.rccMembership),
		z.object({
			rcc_demo_id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected an RCC id'),
			rcc_demo_name: text,
			ctyua24cd: gssCode
		})
	);
	const rccs = new Map<string, { id: string; name: string; laCodes: string[] }>();
	membership.forEach((row, index) => {
		if (!summaries.has(row.ctyua24cd)) {
			throw new DataFileError(`${DEMO_FILES.rccMembership}, line ${index + 2}: unknown LA ${row.ctyua24cd}`);
		}
		const rcc = rccs.get(row.rcc_demo_id) ?? { id: row.rcc_demo_id, name: row.rcc_demo_name, laCodes: [] };
		rcc.laCodes.push(row.ctyua24cd);
		rccs.set(rcc.id, rcc);
	});

	log("Loading Ofsted's children's homes…");
	const laCodeByName = new Map(las.map((la) => [la.summary.la_name, la.code]));
	const providers = readCsv(file(DEMO_FILES.ofstedProviders), ofstedProviderRow, {
		keep: isChildrensHomeRow
	});
	const homes = ofstedHomes(providers, laCodeByName);

	log('Loading small-area centroids…');
	const msoas = readFeatures(
		file(DEMO_FILES.msoaCentroids),
		z.object({ msoa21cd: z.string(), ctyua24cd: gssCode }),
		pointGeometry
	).map((f) => ({
		code: f.properties.msoa21cd,
		laCode: f.properties.ctyua24cd,
		point: f.geometry.coordinates,
		imdDecile: null
	}));
	const lsoas = readFeatures(
		file(DEMO_FILES.lsoaCentroids),
		z.object({
			lsoa21cd: z.string(),
			ctyua24cd: gssCode,
			imd25_decile: z.number().int().min(1).max(10).nullable()
		}),
		pointGeometry
	).map((f) => ({
		code: f.properties.lsoa21cd,
		laCode: f.properties.ctyua24cd,
		point: f.geometry.coordinates,
		imdDecile: f.properties.imd25_decile
	}));

	return { regions, las, rccs: [...rccs.values()], homes, msoas, lsoas };
}
