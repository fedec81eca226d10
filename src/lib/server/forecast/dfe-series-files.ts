// Relative, not $lib: the benchmark (run by tsx) reads the series too.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import {
	dfeSeries,
	type AreaSeries,
	type DfeCharacteristicRow,
	type DfeNumberRow
} from '../../domain/forecast';

/** The DfE tables the forecast is fitted to, shipped in server/data/stats (see its SOURCES.md). */
export const DFE_SERIES_FILES = {
	numbers: 'stats/dfe_cla_number_and_rate_per_10k_2021_2025.csv',
	characteristics: 'stats/dfe_cla_placement_and_age_2021_2025.csv',
	currentLas: 'stats/la_summary_2025.csv'
};

export interface DfeSeries {
	las: AreaSeries[];
	regions: AreaSeries[];
}

const loaded = new Map<string, DfeSeries>();

/**
 * The published DfE series per LA and region, read once per data directory: public statistics,
 * identical for everyone, so holding them for the process's life leaks nothing between requests.
 */
export function dfeSeriesFiles(dataDir = path.resolve('server/data')): DfeSeries {
	let series = loaded.get(dataDir);
	if (!series) {
		const read = <Row>(file: string) =>
			Papa.parse<Row>(fs.readFileSync(path.join(dataDir, file), 'utf8').replace(/^\uFEFF/, ''), {
				header: true,
				skipEmptyLines: true
			}).data;
		const all = dfeSeries(
			read<DfeNumberRow>(DFE_SERIES_FILES.numbers),
			read<DfeCharacteristicRow>(DFE_SERIES_FILES.characteristics)
		);
		// The 153 LAs of 2025 (la_summary_2025.csv): not Cumbria and Northamptonshire, split up since.
		const current = new Set(
			read<{ ctyua24cd: string }>(DFE_SERIES_FILES.currentLas).map((la) => la.ctyua24cd)
		);
		series = { las: all.las.filter((la) => current.has(la.code)), regions: all.regions };
		loaded.set(dataDir, series);
	}
	return series;
}
