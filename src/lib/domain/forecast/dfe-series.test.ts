import { describe, expect, it } from 'vitest';
import { dfeSeries } from './dfe-series';

const number = (year: number, level: string, code: string, type: string, count: string) => ({
	time_period: String(year),
	geographic_level: level,
	region_code: level === 'Regional' ? code : 'E12000002',
	region_name: 'North West',
	la_name: level === 'Local authority' ? 'Manchester' : '',
	new_la_code: level === 'Local authority' ? code : '',
	population_type: type,
	children_count: count
});

describe('dfeSeries', () => {
	it('reads LA and regional rows into series by year, DfE codes as unknown', () => {
		const { las, regions } = dfeSeries(
			[
				number(2025, 'Local authority', 'E08000003', 'Children looked after on 31 March each year', '1280'),
				number(2024, 'Local authority', 'E08000003', 'Children looked after on 31 March each year', '1302'),
				number(2025, 'Local authority', 'E08000003', 'Children starting to be looked after each year', '497'),
				number(2025, 'Local authority', 'E08000003', 'Children ceasing to be looked after each year', 'c'),
				number(2025, 'Regional', 'E12000002', 'Children looked after on 31 March each year', '14620'),
				number(2025, 'National', '', 'Children looked after on 31 March each year', '81770')
			],
			[
				{
					time_period: '2025',
					geographic_level: 'Local authority',
					region_code: 'E12000002',
					new_la_code: 'E08000003',
					cla_group: 'Placement',
					characteristic: 'Foster placements',
					cla_31_march_number: '804'
				},
				{
					time_period: '2025',
					geographic_level: 'Local authority',
					region_code: 'E12000002',
					new_la_code: 'E08000003',
					cla_group: 'Age group',
					characteristic: '16 years and over',
					cla_31_march_number: 'c'
				}
			]
		);
		expect(las).toHaveLength(1);
		expect(las[0].code).toBe('E08000003');
		expect(las[0].name).toBe('Manchester');
		expect(las[0].years.map((y) => [y.year, y.lookedAfter, y.starts, y.ceased])).toEqual([
			[2024, 1302, null, null],
			[2025, 1280, 497, null]
		]);
		expect(las[0].years[1].byPlacement.foster).toBe(804);
		expect(las[0].years[1].byAge['16_and_over']).toBeNull();
		expect(regions.map((r) => [r.code, r.name, r.years[0].lookedAfter])).toEqual([
			['E12000002', 'North West', 14620]
		]);
	});
});
