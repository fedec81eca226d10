import {
	AGE_BANDS,
	PLACEMENT_GROUPS,
	unknownBreakdown,
	type AgeBand,
	type AreaSeries,
	type PlacementGroup
} from './types';

/** A row of DfE's "CLA number and rate per 10,000 children" table, as published (text). */
export interface DfeNumberRow {
	time_period: string;
	geographic_level: string;
	region_code: string;
	region_name: string;
	la_name: string;
	new_la_code: string;
	population_type: string;
	children_count: string;
}

/** A row of DfE's "CLA on 31 March by characteristics" table (groups Placement and Age group). */
export interface DfeCharacteristicRow {
	time_period: string;
	geographic_level: string;
	region_code: string;
	new_la_code: string;
	cla_group: string;
	characteristic: string;
	cla_31_march_number: string;
}

const POPULATION: Record<string, 'lookedAfter' | 'starts' | 'ceased'> = {
	'Children looked after on 31 March each year': 'lookedAfter',
	'Children starting to be looked after each year': 'starts',
	'Children ceasing to be looked after each year': 'ceased'
};

const PLACEMENT: Record<string, PlacementGroup> = {
	'Foster placements': 'foster',
	"Secure homes and children's homes": 'childrens_homes',
	'Independent and semi-independent living arrangements/supported accommodation': 'supported',
	'Residential schools': 'residential_schools',
	'Other residential settings': 'other_residential',
	'Placed with parents or other person with parental responsibility': 'with_parents',
	'Placed for adoption': 'adoption',
	'Other placements': 'other'
};

const AGE: Record<string, AgeBand> = {
	'Under 1 year': 'under_1',
	'1 to 4 years': '1_to_4',
	'5 to 9 years': '5_to_9',
	'10 to 15 years': '10_to_15',
	'16 years and over': '16_and_over'
};

/**
 * The DfE tables as series per LA (geographic level "Local authority", keyed by ONS code) and per
 * region ("Regional", keyed by region code). DfE's codes for withheld or inapplicable figures (c, z, x,
 * low, ..) become null: only whole numbers are figures.
 */
export function dfeSeries(
	numbers: readonly DfeNumberRow[],
	characteristics: readonly DfeCharacteristicRow[]
): { las: AreaSeries[]; regions: AreaSeries[] } {
	const areas = new Map<string, { level: 'la' | 'region'; series: AreaSeries }>();
	const yearOf = (level: 'la' | 'region', code: string, name: string, year: number) => {
		let area = areas.get(`${level}:${code}`);
		if (!area) areas.set(`${level}:${code}`, (area = { level, series: { code, name, years: [] } }));
		let figures = area.series.years.find((y) => y.year === year);
		if (!figures) {
			figures = {
				year,
				lookedAfter: null,
				starts: null,
				ceased: null,
				byPlacement: unknownBreakdown(PLACEMENT_GROUPS),
				byAge: unknownBreakdown(AGE_BANDS)
			};
			area.series.years.push(figures);
		}
		return figures;
	};
	const where = (row: { geographic_level: string; new_la_code: string; region_code: string }) =>
		row.geographic_level === 'Local authority'
			? ({ level: 'la', code: row.new_la_code } as const)
			: row.geographic_level === 'Regional'
				? ({ level: 'region', code: row.region_code } as const)
				: null;
	for (const row of numbers) {
		const at = where(row);
		const field = POPULATION[row.population_type];
		if (!at || !field) continue;
		const name = at.level === 'la' ? row.la_name : row.region_name;
		yearOf(at.level, at.code, name, Number(row.time_period))[field] = count(row.children_count);
	}
	for (const row of characteristics) {
		const at = where(row);
		if (!at || !areas.has(`${at.level}:${at.code}`)) continue;
		const figures = yearOf(at.level, at.code, '', Number(row.time_period));
		if (row.cla_group === 'Placement' && PLACEMENT[row.characteristic])
			figures.byPlacement[PLACEMENT[row.characteristic]] = count(row.cla_31_march_number);
		if (row.cla_group === 'Age group' && AGE[row.characteristic])
			figures.byAge[AGE[row.characteristic]] = count(row.cla_31_march_number);
	}
	const sorted = (level: 'la' | 'region') =>
		[...areas.values()]
			.filter((area) => area.level === level)
			.map(({ series }) => ({ ...series, years: series.years.sort((a, b) => a.year - b.year) }))
			.sort((a, b) => a.code.localeCompare(b.code));
	return { las: sorted('la'), regions: sorted('region') };
}

function count(text: string): number | null {
	return /^\d+$/.test(text.trim()) ? Number(text) : null;
}
