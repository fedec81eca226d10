import { AGE_BANDS, PLACEMENT_GROUPS, type AreaSeries, type YearFigures } from './types';

/**
 * The region's series: member LAs' figures summed year by year. A figure DfE withheld for a member
 * (a count of 1 to 4, or one that would reveal it) is left out of the sum, and the member is listed in
 * `incomplete`, so the region's total is short by at most a few children per gap, never made up.
 */
export function aggregateSeries(
	code: string,
	name: string,
	members: readonly AreaSeries[]
): { series: AreaSeries; incomplete: string[] } {
	const years = [...new Set(members.flatMap((m) => m.years.map((y) => y.year)))].sort((a, b) => a - b);
	const sum = (year: number, pick: (figures: YearFigures) => number | null): number | null => {
		let total = 0;
		let any = false;
		for (const member of members) {
			const figures = member.years.find((y) => y.year === year);
			const value = figures ? pick(figures) : null;
			if (value === null) continue;
			total += value;
			any = true;
		}
		return any ? total : null;
	};
	const series: AreaSeries = {
		code,
		name,
		years: years.map((year) => ({
			year,
			lookedAfter: sum(year, (y) => y.lookedAfter),
			starts: sum(year, (y) => y.starts),
			ceased: sum(year, (y) => y.ceased),
			byPlacement: Object.fromEntries(
				PLACEMENT_GROUPS.map((group) => [group, sum(year, (y) => y.byPlacement[group])])
			) as YearFigures['byPlacement'],
			byAge: Object.fromEntries(
				AGE_BANDS.map((band) => [band, sum(year, (y) => y.byAge[band])])
			) as YearFigures['byAge']
		}))
	};
	// Breakdown gaps (DfE withholds small placement groups routinely) do not make the total incomplete.
	const incomplete = members
		.filter((m) => m.years.some((y) => y.lookedAfter === null || y.starts === null || y.ceased === null))
		.map((m) => m.code);
	return { series, incomplete };
}
