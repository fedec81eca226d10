import { AGE_BANDS, PLACEMENT_GROUPS, unknownBreakdown, type AreaSeries, type YearFigures } from './types';

/** A series from [year, looked after, starts, ceased] rows, breakdowns unknown (test helper). */
export function seriesOf(
	code: string,
	rows: readonly (readonly [number, number | null, number | null, number | null])[]
): AreaSeries {
	return {
		code,
		name: code,
		years: rows.map(([year, lookedAfter, starts, ceased]): YearFigures => ({
			year,
			lookedAfter,
			starts,
			ceased,
			byPlacement: unknownBreakdown(PLACEMENT_GROUPS),
			byAge: unknownBreakdown(AGE_BANDS)
		}))
	};
}
