/**
 * A count per 10,000 children aged 0 to 17, to one decimal place (the DfE and Ofsted rate); null
 * without a count or a population. The live map (boundaries.geojson) and the published map pictures
 * compute their fostering rates with this one function, so the two never disagree.
 */
export function per10k(
	count: number | null | undefined,
	population: number | null | undefined
): number | null {
	if (count === null || count === undefined || !population) return null;
	return Math.round((count * 100_000) / population) / 10;
}
