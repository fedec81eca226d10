/**
 * The figures DfE and Ofsted publish for one LA, as held in `las.published`. Null (or absent) where the
 * publisher suppressed the figure ("c") or it does not apply ("z"). Counts beside percentages let a
 * region's published percentage be recomputed exactly rather than from rounded shares.
 */
export interface PublishedFigures {
	/** DfE: children looked after on 31 March. */
	childrenLookedAfter: number | null;
	/** DfE: % of them placed outside the LA boundary, and the count behind it. */
	percentOutsideLa: number | null;
	outsideLa: number | null;
	/** DfE: % placed more than 20 miles from home, and the count behind it. */
	percentOver20Miles: number | null;
	over20Miles: number | null;
	/** Ofsted, 31 March: children's homes (with secure homes and schools registered as homes) and places. */
	ofstedHomes: number | null;
	ofstedPlaces: number | null;
	/** Fostering places, where a per-LA figure is published. */
	fosteringPlaces: number | null;
}

export const NONE_PUBLISHED: PublishedFigures = {
	childrenLookedAfter: null,
	percentOutsideLa: null,
	outsideLa: null,
	percentOver20Miles: null,
	over20Miles: null,
	ofstedHomes: null,
	ofstedPlaces: null,
	fosteringPlaces: null
};

/** Reads `las.published` tolerantly: anything that is not a finite number counts as not published. */
export function readPublished(value: unknown): PublishedFigures {
	const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	const figures = { ...NONE_PUBLISHED };
	for (const key of Object.keys(figures) as (keyof PublishedFigures)[]) {
		const figure = record[key];
		figures[key] = typeof figure === 'number' && Number.isFinite(figure) ? figure : null;
	}
	return figures;
}
